using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.Feedback;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.State;
using PolicyBot.Host.Server;
using PolicyBot.State.Postgres;
using PolicyBot.Teams.Bot;
using PolicyBot.Tests;

namespace PolicyBot.Host.Tests.Server;

/// <summary>`serve` with PolicyBot:State:Provider=postgres keeps every kind of state in PostgreSQL, nothing in the SQLite state file.</summary>
public sealed class PostgresStateServerTests : IDisposable
{
    private const string Variable = "POLICYBOT_TEST_POSTGRES";
    private readonly TempDirectory _temp = new();
    private readonly string? _schema;

    public PostgresStateServerTests()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } connectionString) return;
        _schema = "h_" + Guid.NewGuid().ToString("N");
        Execute(connectionString, $"CREATE SCHEMA {_schema}");
    }

    [PostgresServerFact]
    public async Task Build_ProviderPostgres_EveryStoreIsAPostgresStore_AndWritesLandInTheDatabase()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(Variable)) { SearchPath = _schema }.ToString();
        var statePath = _temp.File("state.db");
        await using var app = PolicyBotServer.Build([], new Dictionary<string, string?>
        {
            ["PolicyBot:State:Provider"] = "postgres",
            ["PolicyBot:State:ConnectionString"] = connectionString,
            ["PolicyBot:State:Path"] = statePath,
            ["PolicyBot:Index:Path"] = _temp.File("index.db"),
        });
        var services = app.Services;

        Assert.IsType<PostgresSubscriptionStore>(services.GetRequiredService<ISubscriptionStore>());
        Assert.IsType<PostgresDeliveryLog>(services.GetRequiredService<IDeliveryLog>());
        Assert.IsType<PostgresIngestionHistory>(services.GetRequiredService<IIngestionHistory>());
        Assert.IsType<PostgresFeedbackStore>(services.GetRequiredService<IFeedbackStore>());
        Assert.IsType<PostgresQuestionLog>(services.GetRequiredService<IQuestionLog>());
        Assert.IsType<PostgresConversationAddressStore>(services.GetRequiredService<IConversationAddressStore>());
        Assert.IsType<PostgresFetchValidatorStore>(services.GetRequiredService<IFetchValidatorStore>());
        Assert.IsType<ConversationReferenceStore>(services.GetRequiredService<IConversationReferenceStore>());

        var at = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        await services.GetRequiredService<IConversationReferenceStore>().SaveAsync(
            new StoredConversation("19:general@thread.tacv2", "https://smba.example/emea/", "msteams", "tenant-1", "28:bot", "channel"), CancellationToken.None);
        await services.GetRequiredService<IFeedbackStore>().AddAsync(new FeedbackRecord("web", "w1", "u1", "k1", true, null, "q", "a", [], at), CancellationToken.None);
        await services.GetRequiredService<IQuestionLog>().AddAsync(new QuestionRecord("web", "w1", "u1", "What are the CRMA benchmarks?", false, "k1", at), CancellationToken.None);
        await services.GetRequiredService<IFetchValidatorStore>().SaveAsync(new Uri("https://policy.example/feed.atom"), new FetchValidators("\"e1\"", null), at, CancellationToken.None);

        // Read back through a separate handle on the same schema: the rows are in PostgreSQL, and no state file was created.
        await using var database = new PostgresStateDatabase(connectionString);
        Assert.Equal("19:general@thread.tacv2", Assert.Single(await new PostgresConversationAddressStore(database).ListAsync("teams", CancellationToken.None)).ConversationId);
        Assert.Equal("k1", Assert.Single(await new PostgresFeedbackStore(database).ListAsync(null, CancellationToken.None)).ReplyKey);
        Assert.Equal("What are the CRMA benchmarks?", Assert.Single(await new PostgresQuestionLog(database).ListAsync(null, CancellationToken.None)).Question);
        Assert.Equal("\"e1\"", (await new PostgresFetchValidatorStore(database).GetAsync(new Uri("https://policy.example/feed.atom"), CancellationToken.None))!.ETag);
        Assert.False(File.Exists(statePath));
    }

    public void Dispose()
    {
        if (_schema is not null)
        {
            NpgsqlConnection.ClearAllPools();
            Execute(Environment.GetEnvironmentVariable(Variable)!, $"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        }
        _temp.Dispose();
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private sealed class PostgresServerFactAttribute : FactAttribute
    {
        public PostgresServerFactAttribute()
        {
            if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 })
                Skip = Variable + " is not set (.ci/run starts a throw-away PostgreSQL and sets it; e.g. Host=127.0.0.1;Port=55432;Username=postgres;Database=policybot_test)";
        }
    }
}
