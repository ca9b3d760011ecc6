using Npgsql;
using PolicyBot.State.Postgres;

namespace PolicyBot.State.Tests;

/// <summary>
/// A fresh schema in the test database for one test, dropped afterwards; stores opened through <see cref="Open"/> keep their
/// tables there (search_path), so tests running side by side do not see each other's rows.
/// </summary>
public sealed class PostgresTestDatabase : IDisposable
{
    public const string Variable = "POLICYBOT_TEST_POSTGRES";
    public const string MissingReason = Variable + " is not set (.ci/run starts a throw-away PostgreSQL and sets it; e.g. Host=127.0.0.1;Port=55432;Username=postgres;Database=policybot_test)";

    private readonly List<PostgresStateDatabase> _opened = [];

    public PostgresTestDatabase()
    {
        Schema = "t_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE SCHEMA {Schema}");
        SchemaConnectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = Schema }.ToString();
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public string Schema { get; }

    public string SchemaConnectionString { get; }

    /// <summary>A new database handle (a new "process"); disposed with this object unless the test kills it first.</summary>
    public PostgresStateDatabase Open()
    {
        var database = new PostgresStateDatabase(SchemaConnectionString);
        _opened.Add(database);
        return database;
    }

    public void Dispose()
    {
        foreach (var database in _opened) database.Dispose();
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP SCHEMA IF EXISTS {Schema} CASCADE");
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
