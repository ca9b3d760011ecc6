using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Core.Embedded;

/// <summary>
/// The default <see cref="IPassageIndex"/>: one SQLite file (WAL) with documents, passages, float32 embeddings
/// and an FTS5 keyword index. Every vector is also held in memory, so dense search never reads the disk.
/// </summary>
/// <remarks>
/// <code>
/// Upsert / Delete ─► one transaction: passages + FTS rows, documents row last ─► commit ─► swap VectorSnapshot
/// SearchDense     ─► scan current snapshot (TensorPrimitives.Dot, bounded min-heap) ─► read the k passage rows
/// SearchKeyword   ─► FTS5 MATCH over quoted terms, ranked by bm25(), joined to passages and documents
/// </code>
/// </remarks>
public sealed partial class SqlitePassageIndex : IPassageIndex, IDisposable, IAsyncDisposable
{
    private const int SqliteCorrupt = 11, SqliteNotADatabase = 26;

    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile VectorSnapshot? _snapshot;
    private string? _modelId;
    private volatile bool _disposed;

    public SqlitePassageIndex(IOptions<EmbeddedIndexOptions> options, ILogger<SqlitePassageIndex>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Value.Path;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException($"{EmbeddedIndexOptions.Section}:{nameof(EmbeddedIndexOptions.Path)} must name the index file.", nameof(options));
        }
        FilePath = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        _logger = logger ?? NullLogger<SqlitePassageIndex>.Instance;
    }

    /// <summary>Full path of the SQLite file.</summary>
    public string FilePath { get; }

    /// <summary>Test hook: runs inside the upsert transaction after the passages are written, before the documents row.</summary>
    internal Action<string>? BeforeDocumentRowWritten { get; set; }

    private VectorSnapshot Current
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _snapshot ?? throw new InvalidOperationException($"Call {nameof(InitializeAsync)} before using the index.");
        }
    }

    public async Task InitializeAsync(string embeddingModelId, int dimensions, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(embeddingModelId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var directory = System.IO.Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);

        VectorSnapshot snapshot;
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            EnsureSchema(connection, embeddingModelId, dimensions);
            snapshot = LoadSnapshot(connection, dimensions, cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            // Pooled connections still hold the damaged file; drop them so a rebuilt file at the same path is really opened.
            using (var pooled = new SqliteConnection(_connectionString)) SqliteConnection.ClearPool(pooled);
            _logger.IndexCorrupt(FilePath, ex.Message);
            throw new IndexCorruptException(FilePath, ex.SqliteErrorCode == SqliteNotADatabase ? "not a database" : "malformed", ex);
        }

        _modelId = embeddingModelId;
        _snapshot = snapshot;
        _logger.IndexOpened(FilePath, snapshot.Documents.Count, snapshot.PassageCount,
            (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        // Pooled connections keep the file open; clear them so the file can be moved or deleted.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Per-connection setting: with WAL, NORMAL is durable except for the last commits on power loss.
            using var pragma = Command(connection, null, "PRAGMA synchronous = NORMAL;");
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
