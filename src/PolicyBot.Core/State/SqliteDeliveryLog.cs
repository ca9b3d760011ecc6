using Microsoft.Data.Sqlite;

namespace PolicyBot.Core.State;

/// <summary>
/// The delivery log in the SQLite state file. A claim is one upsert: insert the (subscription, slot) row, or take over an
/// undelivered row whose lease has expired (attempt + 1, same delivery id); any other row yields no claim.
/// Leases run on the injected clock.
/// </summary>
public sealed class SqliteDeliveryLog(SqliteStateDatabase database, TimeProvider timeProvider) : IDeliveryLog
{
    private const string Columns = "subscription_id, slot, delivery_id, status, attempts, delivered_at";

    public async Task<SlotClaim?> TryClaimAsync(string subscriptionId, DateTimeOffset slot, string instanceId, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO briefing_deliveries (subscription_id, slot, delivery_id, status, instance_id, lease_until, attempts)
            VALUES ($subscription, $slot, $deliveryId, 'claimed', $instance, $leaseUntil, 1)
            ON CONFLICT (subscription_id, slot) DO UPDATE SET
                instance_id = excluded.instance_id, lease_until = excluded.lease_until, attempts = briefing_deliveries.attempts + 1
            WHERE briefing_deliveries.status = 'claimed' AND briefing_deliveries.lease_until <= $now
            RETURNING delivery_id, attempts
            """;
        AddKey(command, subscriptionId, slot);
        command.Parameters.AddWithValue("$deliveryId", DeliveryIds.For(subscriptionId, slot));
        command.Parameters.AddWithValue("$instance", instanceId);
        command.Parameters.AddWithValue("$leaseUntil", (now + lease).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new SlotClaim(subscriptionId, slot.ToUniversalTime(), reader.GetString(0), instanceId, reader.GetInt32(1));
    }

    public async Task MarkDeliveredAsync(SlotClaim claim, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE briefing_deliveries SET status = 'delivered', delivered_at = $now
            WHERE subscription_id = $subscription AND slot = $slot AND delivery_id = $deliveryId
            """;
        AddKey(command, claim.SubscriptionId, claim.Slot);
        command.Parameters.AddWithValue("$deliveryId", claim.DeliveryId);
        command.Parameters.AddWithValue("$now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkSkippedAsync(string subscriptionId, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO briefing_deliveries (subscription_id, slot, delivery_id, status, lease_until, attempts)
            VALUES ($subscription, $slot, $deliveryId, 'skipped', 0, 0)
            ON CONFLICT (subscription_id, slot) DO UPDATE SET status = 'skipped' WHERE briefing_deliveries.status = 'claimed'
            """;
        AddKey(command, subscriptionId, slot);
        command.Parameters.AddWithValue("$deliveryId", DeliveryIds.For(subscriptionId, slot));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DeliveryRecord?> FindAsync(string subscriptionId, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        var found = await QueryAsync($"SELECT {Columns} FROM briefing_deliveries WHERE subscription_id = $subscription AND slot = $slot", subscriptionId, slot, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<DeliveryRecord>> ListAsync(string subscriptionId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM briefing_deliveries WHERE subscription_id = $subscription ORDER BY slot", subscriptionId, null, cancellationToken);

    private async Task<IReadOnlyList<DeliveryRecord>> QueryAsync(string sql, string subscriptionId, DateTimeOffset? slot, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$subscription", subscriptionId);
        if (slot is { } s) command.Parameters.AddWithValue("$slot", s.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<DeliveryRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var status = reader.GetString(3);
            list.Add(new DeliveryRecord(reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2),
                status == DeliveryStatus.Delivered, reader.GetInt32(4), reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)))
            { Skipped = status == DeliveryStatus.Skipped });
        }
        return list;
    }

    private static void AddKey(SqliteCommand command, string subscriptionId, DateTimeOffset slot)
    {
        command.Parameters.AddWithValue("$subscription", subscriptionId);
        command.Parameters.AddWithValue("$slot", slot.ToUnixTimeMilliseconds());
    }
}
