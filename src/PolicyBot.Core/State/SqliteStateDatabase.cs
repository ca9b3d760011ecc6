using Microsoft.Data.Sqlite;

namespace PolicyBot.Core.State;

/// <summary>
/// The state file (subscriptions, delivery log, ingestion history): one SQLite file, by default next to the index
/// (<c>PolicyBot:State:Path</c>). The schema is created on first use and is safe to create again.
/// Several processes may share the file: SQLite serialises writers, and each claim is a single statement.
/// </summary>
public sealed class SqliteStateDatabase
{
    private readonly SqliteSchemaFile _file;

    public SqliteStateDatabase(string path) => _file = new SqliteSchemaFile(path, Schema);

    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _file.OpenAsync(cancellationToken);

    // Instants are Unix milliseconds (UTC).
    private const string Schema = """
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
