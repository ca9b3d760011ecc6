using Npgsql;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.Feedback;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.State;
using PolicyBot.State.Postgres;
using PolicyBot.Tests;

namespace PolicyBot.State.Tests;

/// <summary>
/// The real PostgreSQL reached through a loopback relay the test cuts, or a backend the test terminates: a connection lost after
/// it was opened — idle in the pool or in the middle of a command — surfaces as <see cref="StateUnavailableException"/>, while the
/// command's own errors and cancellation stay what they are.
/// </summary>
public sealed class PostgresConnectionLossTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly PostgresTestDatabase _test = new();
    private readonly TcpRelay _relay;
    private readonly string _applicationName = "pgq-" + Guid.NewGuid().ToString("N");
    private readonly PostgresStateDatabase _database;

    public PostgresConnectionLossTests()
    {
        var real = new NpgsqlConnectionStringBuilder(PostgresTestDatabase.ConnectionString);
        _relay = new TcpRelay(real.Host ?? "127.0.0.1", real.Port);
        _relay.Start();
        _database = new PostgresStateDatabase(new NpgsqlConnectionStringBuilder(_test.SchemaConnectionString)
        {
            Host = "127.0.0.1", Port = _relay.Port, ApplicationName = _applicationName, Timeout = 5,
        }.ToString());
    }

    public static TheoryData<string> Operations =>
    [
        "questions.add", "questions.list", "feedback.add", "feedback.list", "subscriptions.add", "subscriptions.list",
        "subscriptions.remove", "subscriptions.last-briefing", "deliveries.claim", "deliveries.delivered", "deliveries.skipped",
        "deliveries.find", "deliveries.list", "history.record", "history.list", "addresses.save", "addresses.remove",
        "addresses.list", "validators.get", "validators.save",
    ];

    [PostgresTheory]
    [MemberData(nameof(Operations))]
    public async Task PooledConnectionCutWhileIdle_EveryStoreOperation_ReportsStateUnavailable(string operation)
    {
        await WarmUpAsync();   // the schema exists and one opened connection waits in the pool
        await _relay.CutAsync();

        var failure = await Assert.ThrowsAsync<StateUnavailableException>(() => RunAsync(operation));

        Assert.True(PostgresConnectionFailures.IsConnectionLost(failure.InnerException!), failure.InnerException!.ToString());
    }

    [PostgresFact]
    public async Task BackendTerminatedMidQuery_ReportsStateUnavailable_AndTheNextCallWorks()
    {
        await WarmUpAsync();
        await using var locker = await LockQuestionsAsync();
        var adding = new PostgresQuestionLog(_database).AddAsync(Question("blocked"), None);
        var pid = await WaitForBlockedBackendAsync();

        await AdminAsync($"SELECT pg_terminate_backend({pid})");

        var failure = await Assert.ThrowsAsync<StateUnavailableException>(() => adding);
        Assert.Equal(PostgresErrorCodes.AdminShutdown, Assert.IsType<PostgresException>(failure.InnerException).SqlState);
        await locker.RollbackAsync();
        await new PostgresQuestionLog(_database).AddAsync(Question("after"), None);
        Assert.Equal(["after"], (await new PostgresQuestionLog(_database).ListAsync(null, None)).Select(q => q.ReplyKey));
    }

    [PostgresFact]
    public async Task RelayCutMidQuery_ReportsStateUnavailable()
    {
        await WarmUpAsync();
        await using var locker = await LockQuestionsAsync();
        var listing = new PostgresQuestionLog(_database).ListAsync(null, None);
        await WaitForBlockedBackendAsync();

        await _relay.CutAsync();

        var failure = await Assert.ThrowsAsync<StateUnavailableException>(() => listing);
        Assert.IsAssignableFrom<NpgsqlException>(failure.InnerException);
    }

    [PostgresFact]
    public async Task CancelledMidQuery_StaysACancellation()
    {
        await WarmUpAsync();
        await using var locker = await LockQuestionsAsync();
        using var cancel = new CancellationTokenSource();
        var listing = new PostgresQuestionLog(_database).ListAsync(null, cancel.Token);
        await WaitForBlockedBackendAsync();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listing);
    }

    [PostgresFact]
    public async Task ErrorsInTheSqlItself_PassUnchanged()
    {
        var subscriptions = new PostgresSubscriptionStore(_database);
        var subscription = new BriefingSubscription("sub-1", "web", "c1", new BriefingSchedule(ScheduleKind.Daily, new TimeOnly(8, 0), null, null, "UTC"),
            [], [], false, "u1", At, null);
        await subscriptions.AddAsync(subscription, None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => subscriptions.AddAsync(subscription, None));

        await AdminAsync("DROP TABLE questions");
        var missing = await Assert.ThrowsAsync<PostgresException>(() => new PostgresQuestionLog(_database).AddAsync(Question("k"), None));
        Assert.Equal(PostgresErrorCodes.UndefinedTable, missing.SqlState);
    }

    private async Task WarmUpAsync()
    {
        await using var connection = await _database.OpenAsync(None);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(None);
    }

    private Task RunAsync(string operation)
    {
        var slot = At.AddDays(1);
        var feed = new Uri("https://policy.example/feed.atom");
        return operation switch
        {
            "questions.add" => new PostgresQuestionLog(_database).AddAsync(Question("k"), None),
            "questions.list" => new PostgresQuestionLog(_database).ListAsync(null, None),
            "feedback.add" => new PostgresFeedbackStore(_database).AddAsync(new FeedbackRecord("web", "c1", "u1", "k", true, null, null, null, [], At), None),
            "feedback.list" => new PostgresFeedbackStore(_database).ListAsync(At, None),
            "subscriptions.add" => new PostgresSubscriptionStore(_database).AddAsync(new BriefingSubscription("s1", "web", "c1",
                new BriefingSchedule(ScheduleKind.Daily, new TimeOnly(8, 0), null, null, "UTC"), [], [], false, "u1", At, null), None),
            "subscriptions.list" => new PostgresSubscriptionStore(_database).ListAsync(null, null, None),
            "subscriptions.remove" => new PostgresSubscriptionStore(_database).RemoveAsync("s1", None),
            "subscriptions.last-briefing" => new PostgresSubscriptionStore(_database).SetLastBriefingAsync("s1", At, None),
            "deliveries.claim" => new PostgresDeliveryLog(_database).TryClaimAsync("s1", slot, "i1", TimeSpan.FromMinutes(2), None),
            "deliveries.delivered" => new PostgresDeliveryLog(_database).MarkDeliveredAsync(new SlotClaim("s1", slot, "d1", "i1", 1), None),
            "deliveries.skipped" => new PostgresDeliveryLog(_database).MarkSkippedAsync("s1", slot, None),
            "deliveries.find" => new PostgresDeliveryLog(_database).FindAsync("s1", slot, None),
            "deliveries.list" => new PostgresDeliveryLog(_database).ListAsync("s1", None),
            "history.record" => new PostgresIngestionHistory(_database).RecordAsync([new DocumentChange("d1", "Title", DocumentChangeKind.Added, null, null, At)], None),
            "history.list" => new PostgresIngestionHistory(_database).ListSinceAsync(At, None),
            "addresses.save" => new PostgresConversationAddressStore(_database).SaveAsync(new ConversationAddress("teams", "c1", "{}"), None),
            "addresses.remove" => new PostgresConversationAddressStore(_database).RemoveAsync("teams", "c1", None),
            "addresses.list" => new PostgresConversationAddressStore(_database).ListAsync("teams", None),
            "validators.get" => new PostgresFetchValidatorStore(_database).GetAsync(feed, None),
            "validators.save" => new PostgresFetchValidatorStore(_database).SaveAsync(feed, new FetchValidators("\"e1\"", null), At, None),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "unknown operation"),
        };
    }

    private static QuestionRecord Question(string key) => new("web", "c1", "u1", "What are the CRMA benchmarks?", false, key, At);

    /// <summary>Holds an exclusive lock on the questions table (directly, not through the relay) until disposed.</summary>
    private async Task<NpgsqlTransaction> LockQuestionsAsync()
    {
        var connection = new NpgsqlConnection(_test.SchemaConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("LOCK TABLE questions IN ACCESS EXCLUSIVE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return transaction;
    }

    /// <summary>The process id of this test's backend once it waits for the lock: the command is then certainly in flight.</summary>
    private async Task<int> WaitForBlockedBackendAsync()
    {
        while (true)
        {
            await using var connection = new NpgsqlConnection(PostgresTestDatabase.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT pid FROM pg_stat_activity WHERE application_name = @name AND wait_event_type = 'Lock'", connection);
            command.Parameters.AddWithValue("name", _applicationName);
            if (await command.ExecuteScalarAsync() is int pid) return pid;
            await Task.Delay(20);
        }
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_test.SchemaConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _relay.DisposeAsync();
        await _database.DisposeAsync();
        _test.Dispose();
    }
}
