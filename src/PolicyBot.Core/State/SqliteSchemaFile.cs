using Microsoft.Data.Sqlite;

namespace PolicyBot.Core.State;

/// <summary>
/// A SQLite file with a schema that is created on the first connection and is safe to create again. The state database and
/// the small stores that share the state file (feedback, Teams conversation references, feed validators) each bring their tables.
/// </summary>
public sealed class SqliteSchemaFile
{
    private readonly string _connectionString;
    private readonly string _schema;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    /// <param name="schema">Idempotent DDL (CREATE ... IF NOT EXISTS), run once per instance; WAL journaling is switched on with it.</param>
    public SqliteSchemaFile(string path, string schema)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString();
        _schema = "PRAGMA journal_mode = WAL;\n" + schema;
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await WaitForLocksInSqliteAsync(connection, cancellationToken);
        if (_ready) return connection;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_ready)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = _schema;
                await command.ExecuteNonQueryAsync(cancellationToken);
                _ready = true;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        finally { _gate.Release(); }
        return connection;
    }

    // Concurrent writers (every answered question is logged) meet SQLite's single write lock. Left to the driver, a busy
    // statement is retried after a fixed 150 ms pause (measured); SQLite's own busy handler retries after 1, 2, 5, 10 ... ms,
    // so a write that waits for another short write waits about as long as that write takes.
    private static async Task WaitForLocksInSqliteAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const int BusyTimeoutMilliseconds = 30_000;
}
