using Npgsql;
using PolicyBot.Core.State;

namespace PolicyBot.State.Postgres;

/// <summary>
/// The delivery log shared by several instances. A claim is one <c>INSERT ... ON CONFLICT DO UPDATE ... WHERE lease_until &lt; now()</c>:
/// PostgreSQL locks the (subscription, slot) row and re-checks the condition on the latest version, so of instances racing for a
/// slot exactly one gets a row back. Leases run on the database clock, so the instances' clocks need not agree.
/// </summary>
public sealed class PostgresDeliveryLog(PostgresStateDatabase database) : IDeliveryLog
{
    private const string Columns = "subscription_id, slot, delivery_id, status, attempts, delivered_at";

    public Task<SlotClaim?> TryClaimAsync(string subscriptionId, DateTimeOffset slot, string instanceId, TimeSpan lease, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO briefing_deliveries (subscription_id, slot, delivery_id, status, instance_id, lease_until, attempts)
                VALUES (@subscription, @slot, @deliveryId, 'claimed', @instance, now() + @lease, 1)
                ON CONFLICT (subscription_id, slot) DO UPDATE SET
                    instance_id = excluded.instance_id, lease_until = excluded.lease_until, attempts = briefing_deliveries.attempts + 1
                WHERE briefing_deliveries.status = 'claimed' AND briefing_deliveries.lease_until < now()
                RETURNING delivery_id, attempts
                """, connection);
            AddKey(command, subscriptionId, slot);
            command.Parameters.AddWithValue("deliveryId", DeliveryIds.For(subscriptionId, slot));
            command.Parameters.AddWithValue("instance", instanceId);
            command.Parameters.AddWithValue("lease", lease);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return null;
            return new SlotClaim(subscriptionId, slot.ToUniversalTime(), reader.GetString(0), instanceId, reader.GetInt32(1));
        }, cancellationToken);

    public Task MarkDeliveredAsync(SlotClaim claim, CancellationToken cancellationToken) => database.RunAsync(async connection =>
    {
        await using var command = new NpgsqlCommand("""
            UPDATE briefing_deliveries SET status = 'delivered', delivered_at = now()
            WHERE subscription_id = @subscription AND slot = @slot AND delivery_id = @deliveryId
            """, connection);
        AddKey(command, claim.SubscriptionId, claim.Slot);
        command.Parameters.AddWithValue("deliveryId", claim.DeliveryId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }, cancellationToken);

    public Task MarkSkippedAsync(string subscriptionId, DateTimeOffset slot, CancellationToken cancellationToken) => database.RunAsync(async connection =>
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO briefing_deliveries (subscription_id, slot, delivery_id, status, lease_until, attempts)
            VALUES (@subscription, @slot, @deliveryId, 'skipped', '-infinity', 0)
            ON CONFLICT (subscription_id, slot) DO UPDATE SET status = 'skipped' WHERE briefing_deliveries.status = 'claimed'
            """, connection);
        AddKey(command, subscriptionId, slot);
        command.Parameters.AddWithValue("deliveryId", DeliveryIds.For(subscriptionId, slot));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }, cancellationToken);

    public async Task<DeliveryRecord?> FindAsync(string subscriptionId, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        var found = await QueryAsync($"SELECT {Columns} FROM briefing_deliveries WHERE subscription_id = @subscription AND slot = @slot", subscriptionId, slot, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<DeliveryRecord>> ListAsync(string subscriptionId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM briefing_deliveries WHERE subscription_id = @subscription ORDER BY slot", subscriptionId, null, cancellationToken);

    private Task<IReadOnlyList<DeliveryRecord>> QueryAsync(string sql, string subscriptionId, DateTimeOffset? slot, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<DeliveryRecord>>(async connection =>
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("subscription", subscriptionId);
            if (slot is { } s) command.Parameters.AddWithValue("slot", s.ToUniversalTime());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var list = new List<DeliveryRecord>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var status = reader.GetString(3);
                list.Add(new DeliveryRecord(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), status == DeliveryStatus.Delivered,
                    reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)) { Skipped = status == DeliveryStatus.Skipped });
            }
            return list;
        }, cancellationToken);

    private static void AddKey(NpgsqlCommand command, string subscriptionId, DateTimeOffset slot)
    {
        command.Parameters.AddWithValue("subscription", subscriptionId);
        command.Parameters.AddWithValue("slot", slot.ToUniversalTime());
    }
}
