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

    /// <summary>
    /// Runs <paramref name="work"/> on an open connection. A connection that cannot be opened, or drops while the work runs,
    /// becomes <see cref="StateUnavailableException"/>; errors in the SQL itself (constraint violations and the like) pass unchanged.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await work(connection);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && PostgresConnectionFailures.IsConnectionLost(ex))
        {
            throw Unavailable(ex);
        }
    }

    /// <inheritdoc cref="RunAsync{T}"/>
    public Task RunAsync(Func<NpgsqlConnection, Task> work, CancellationToken cancellationToken) =>
        RunAsync(async connection => { await work(connection); return true; }, cancellationToken);

    /// <exception cref="StateUnavailableException">The server cannot be reached, refuses the connection, or drops it while the schema is created.</exception>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnection connection;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw Unavailable(ex);
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
        catch (Exception ex)
        {
            await connection.DisposeAsync();
            if (!cancellationToken.IsCancellationRequested && PostgresConnectionFailures.IsConnectionLost(ex)) throw Unavailable(ex);
            throw;
        }
        finally { _schema.Release(); }
        return connection;
    }

    private static StateUnavailableException Unavailable(Exception cause) =>
        cause as StateUnavailableException ?? new StateUnavailableException("The PostgreSQL state database is not reachable.", cause);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}
