using Npgsql;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.State;

namespace PolicyBot.State.Postgres;

/// <summary>Briefing subscriptions in the shared PostgreSQL database.</summary>
public sealed class PostgresSubscriptionStore(PostgresStateDatabase database) : ISubscriptionStore
{
    public Task AddAsync(BriefingSubscription s, CancellationToken cancellationToken) => database.RunAsync(async connection =>
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO briefing_subscriptions (id, platform, channel_id, kind, at, day, cron, time_zone, jurisdictions, materials,
                skip_when_empty, created_by, created_at, last_briefing_at)
            VALUES (@id, @platform, @channel, @kind, @at, @day, @cron, @zone, @jurisdictions, @materials, @skip, @createdBy, @createdAt, @last)
            """, connection);
        var p = command.Parameters;
        p.AddWithValue("id", s.Id);
        p.AddWithValue("platform", s.Platform);
        p.AddWithValue("channel", s.ChannelId);
        p.AddWithValue("kind", StateEncoding.Kind(s.Schedule.Kind));
        p.AddWithValue("at", NpgsqlTypes.NpgsqlDbType.Text, (object?)StateEncoding.TimeOfDay(s.Schedule.At) ?? DBNull.Value);
        p.AddWithValue("day", NpgsqlTypes.NpgsqlDbType.Integer, s.Schedule.Day is { } day ? (int)day : DBNull.Value);
        p.AddWithValue("cron", NpgsqlTypes.NpgsqlDbType.Text, (object?)s.Schedule.Cron ?? DBNull.Value);
        p.AddWithValue("zone", s.Schedule.TimeZone);
        p.AddWithValue("jurisdictions", s.Jurisdictions.ToArray());
        p.AddWithValue("materials", s.Materials.ToArray());
        p.AddWithValue("skip", s.SkipWhenEmpty);
        p.AddWithValue("createdBy", s.CreatedBy);
        p.AddWithValue("createdAt", s.CreatedAt.ToUniversalTime());
        p.AddWithValue("last", NpgsqlTypes.NpgsqlDbType.TimestampTz, s.LastBriefingAt is { } last ? last.ToUniversalTime() : DBNull.Value);
        try { await command.ExecuteNonQueryAsync(cancellationToken); }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidOperationException($"A subscription with id '{s.Id}' exists.", ex);
        }
    }, cancellationToken);

    public Task<IReadOnlyList<BriefingSubscription>> ListAsync(string? platform, string? channelId, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<BriefingSubscription>>(async connection =>
        {
            await using var command = new NpgsqlCommand("""
                SELECT id, platform, channel_id, kind, at, day, cron, time_zone, jurisdictions, materials, skip_when_empty, created_by, created_at, last_briefing_at
                FROM briefing_subscriptions
                WHERE (@platform::text IS NULL OR platform = @platform) AND (@channel::text IS NULL OR channel_id = @channel)
                ORDER BY created_at, id
                """, connection);
            command.Parameters.AddWithValue("platform", NpgsqlTypes.NpgsqlDbType.Text, (object?)platform ?? DBNull.Value);
            command.Parameters.AddWithValue("channel", NpgsqlTypes.NpgsqlDbType.Text, (object?)channelId ?? DBNull.Value);
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            var list = new List<BriefingSubscription>();
            while (await r.ReadAsync(cancellationToken))
            {
                var schedule = new BriefingSchedule(StateEncoding.ScheduleKindFrom(r.GetString(3)), StateEncoding.TimeOfDayFrom(r.IsDBNull(4) ? null : r.GetString(4)),
                    r.IsDBNull(5) ? null : (DayOfWeek)r.GetInt32(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7));
                list.Add(new BriefingSubscription(r.GetString(0), r.GetString(1), r.GetString(2), schedule,
                    r.GetFieldValue<string[]>(8), r.GetFieldValue<string[]>(9), r.GetBoolean(10), r.GetString(11),
                    r.GetFieldValue<DateTimeOffset>(12), r.IsDBNull(13) ? null : r.GetFieldValue<DateTimeOffset>(13)));
            }
            return list;
        }, cancellationToken);

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken) => database.RunAsync(async connection =>
    {
        await using var command = new NpgsqlCommand("DELETE FROM briefing_subscriptions WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }, cancellationToken);

    /// <summary>Only moves forward: an older value (a slower instance's) is ignored.</summary>
    public Task SetLastBriefingAsync(string id, DateTimeOffset until, CancellationToken cancellationToken) => database.RunAsync(async connection =>
    {
        await using var command = new NpgsqlCommand(
            "UPDATE briefing_subscriptions SET last_briefing_at = @until WHERE id = @id AND (last_briefing_at IS NULL OR last_briefing_at < @until)", connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("until", until.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }, cancellationToken);
}
