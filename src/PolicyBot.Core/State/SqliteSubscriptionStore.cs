using Microsoft.Data.Sqlite;
using PolicyBot.Core.Briefings;

namespace PolicyBot.Core.State;

/// <summary>Briefing subscriptions in the SQLite state file.</summary>
public sealed class SqliteSubscriptionStore(SqliteStateDatabase database) : ISubscriptionStore
{
    private const int SqliteConstraintPrimaryKey = 1555;

    public async Task AddAsync(BriefingSubscription s, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO briefing_subscriptions (id, platform, channel_id, kind, at, day, cron, time_zone, jurisdictions, materials,
                skip_when_empty, created_by, created_at, last_briefing_at)
            VALUES ($id, $platform, $channel, $kind, $at, $day, $cron, $zone, $jurisdictions, $materials, $skip, $createdBy, $createdAt, $last)
            """;
        var p = command.Parameters;
        p.AddWithValue("$id", s.Id);
        p.AddWithValue("$platform", s.Platform);
        p.AddWithValue("$channel", s.ChannelId);
        p.AddWithValue("$kind", StateEncoding.Kind(s.Schedule.Kind));
        p.AddWithValue("$at", (object?)StateEncoding.TimeOfDay(s.Schedule.At) ?? DBNull.Value);
        p.AddWithValue("$day", s.Schedule.Day is { } day ? (int)day : DBNull.Value);
        p.AddWithValue("$cron", (object?)s.Schedule.Cron ?? DBNull.Value);
        p.AddWithValue("$zone", s.Schedule.TimeZone);
        p.AddWithValue("$jurisdictions", StateEncoding.Lines(s.Jurisdictions));
        p.AddWithValue("$materials", StateEncoding.Lines(s.Materials));
        p.AddWithValue("$skip", s.SkipWhenEmpty ? 1 : 0);
        p.AddWithValue("$createdBy", s.CreatedBy);
        p.AddWithValue("$createdAt", s.CreatedAt.ToUnixTimeMilliseconds());
        p.AddWithValue("$last", s.LastBriefingAt is { } last ? last.ToUnixTimeMilliseconds() : DBNull.Value);
        try { await command.ExecuteNonQueryAsync(cancellationToken); }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteConstraintPrimaryKey)
        {
            throw new InvalidOperationException($"A subscription with id '{s.Id}' exists.", ex);
        }
    }

    public async Task<IReadOnlyList<BriefingSubscription>> ListAsync(string? platform, string? channelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, platform, channel_id, kind, at, day, cron, time_zone, jurisdictions, materials, skip_when_empty, created_by, created_at, last_briefing_at
            FROM briefing_subscriptions
            WHERE ($platform IS NULL OR platform = $platform) AND ($channel IS NULL OR channel_id = $channel)
            ORDER BY created_at, id
            """;
        command.Parameters.AddWithValue("$platform", (object?)platform ?? DBNull.Value);
        command.Parameters.AddWithValue("$channel", (object?)channelId ?? DBNull.Value);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<BriefingSubscription>();
        while (await r.ReadAsync(cancellationToken))
        {
            var schedule = new BriefingSchedule(StateEncoding.ScheduleKindFrom(r.GetString(3)), StateEncoding.TimeOfDayFrom(r.IsDBNull(4) ? null : r.GetString(4)),
                r.IsDBNull(5) ? null : (DayOfWeek)r.GetInt32(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7));
            list.Add(new BriefingSubscription(r.GetString(0), r.GetString(1), r.GetString(2), schedule,
                StateEncoding.LinesFrom(r.GetString(8)), StateEncoding.LinesFrom(r.GetString(9)), r.GetInt64(10) == 1, r.GetString(11),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(12)), r.IsDBNull(13) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(13))));
        }
        return list;
    }

    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM briefing_subscriptions WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Only moves forward: an older value (a slower instance's) is ignored.</summary>
    public async Task SetLastBriefingAsync(string id, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE briefing_subscriptions SET last_briefing_at = $until WHERE id = $id AND (last_briefing_at IS NULL OR last_briefing_at < $until)";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
