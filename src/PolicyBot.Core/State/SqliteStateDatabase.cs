using Microsoft.Data.Sqlite;

namespace PolicyBot.Core.State;

/// <summary>
/// The state file (subscriptions, delivery log, ingestion history): one SQLite file, by default next to the index
/// (<c>PolicyBot:State:Path</c>). The schema is created on first use and is safe to create again.
/// Several processes may share the file: SQLite serialises writers, and each claim is a single statement.
/// </summary>
public sealed class SqliteStateDatabase
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _schema = new(1, 1);
    private volatile bool _ready;

    public SqliteStateDatabase(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString();
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        if (_ready) return connection;
        await _schema.WaitAsync(cancellationToken);
        try
        {
            if (!_ready)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = Schema;
                await command.ExecuteNonQueryAsync(cancellationToken);
                _ready = true;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        finally { _schema.Release(); }
        return connection;
    }

    // Instants are Unix milliseconds (UTC).
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS briefing_subscriptions (
            id TEXT PRIMARY KEY, platform TEXT NOT NULL, channel_id TEXT NOT NULL,
            kind TEXT NOT NULL, at TEXT, day INTEGER, cron TEXT, time_zone TEXT NOT NULL,
            jurisdictions TEXT NOT NULL, materials TEXT NOT NULL, skip_when_empty INTEGER NOT NULL,
            created_by TEXT NOT NULL, created_at INTEGER NOT NULL, last_briefing_at INTEGER);
        CREATE INDEX IF NOT EXISTS briefing_subscriptions_channel ON briefing_subscriptions (platform, channel_id);
        CREATE TABLE IF NOT EXISTS briefing_deliveries (
            subscription_id TEXT NOT NULL, slot INTEGER NOT NULL, delivery_id TEXT NOT NULL, status TEXT NOT NULL,
            instance_id TEXT, lease_until INTEGER NOT NULL, attempts INTEGER NOT NULL, delivered_at INTEGER,
            PRIMARY KEY (subscription_id, slot));
        CREATE TABLE IF NOT EXISTS ingestion_history (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, document_id TEXT NOT NULL, title TEXT NOT NULL, kind TEXT NOT NULL,
            before_json TEXT, after_json TEXT, at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ingestion_history_at ON ingestion_history (at);
        """;
}
