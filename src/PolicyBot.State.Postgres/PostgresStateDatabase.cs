using Npgsql;
using PolicyBot.Core.State;

namespace PolicyBot.State.Postgres;

/// <summary>
/// The shared state database for several bot instances. The schema (tables in the connection's first search_path schema) is
/// created on first use under an advisory lock, so instances starting together do not race; creating it again changes nothing.
/// Disposing closes the pool and releases nothing else: a claim held at that moment lapses with its lease.
/// </summary>
public sealed class PostgresStateDatabase : IAsyncDisposable, IDisposable
{
    private const long SchemaLockKey = 0x506f6c696379426fL;   // "PolicyBo"
    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _schema = new(1, 1);
    private volatile bool _ready;

    public PostgresStateDatabase(string connectionString) => _dataSource = NpgsqlDataSource.Create(connectionString);

    /// <exception cref="StateUnavailableException">The server cannot be reached or refuses the connection.</exception>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnection connection;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new StateUnavailableException("The PostgreSQL state database is not reachable.", ex);
        }
        if (_ready) return connection;
        await _schema.WaitAsync(cancellationToken);
        try
        {
            if (!_ready)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLockKey}); {PostgresSchema.Create}", connection, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
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

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}
