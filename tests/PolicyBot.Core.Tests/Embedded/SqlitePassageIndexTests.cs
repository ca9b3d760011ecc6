using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Embedded;
using PolicyBot.Core.Retrieval;
using PolicyBot.Core.Tests.Contracts;
using static PolicyBot.Core.Tests.Contracts.ContractCorpus;

namespace PolicyBot.Core.Tests.Embedded;

public sealed class SqlitePassageIndexTests : IDisposable
{
    private const string ModelId = "sqlite-test-model";
    private readonly TempIndexFile _file = new();

    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task InitializeAsync_NewPath_CreatesFolderAndVersionedWalSchema()
    {
        using (var index = _file.CreateIndex()) await index.InitializeAsync(ModelId, Dimensions, Ct);

        Assert.True(File.Exists(_file.Path));
        using var connection = OpenRaw();
        Assert.Equal(1L, Scalar(connection, "PRAGMA user_version;"));
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal(ModelId, Scalar(connection, "SELECT value FROM meta WHERE key = 'embedding_model_id';"));
        Assert.Equal("8", Scalar(connection, "SELECT value FROM meta WHERE key = 'embedding_dimensions';"));
        Assert.Equal("1", Scalar(connection, "SELECT value FROM meta WHERE key = 'schema_version';"));
        var fts = (string)Scalar(connection, "SELECT sql FROM sqlite_master WHERE name = 'passages_fts';")!;
        Assert.Contains("porter unicode61 remove_diacritics 2", fts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpsertDocumentAsync_Embedding_StoredAsLittleEndianFloat32AndCamelCaseJson()
    {
        var document = Get(EuRegulation);
        using (var index = _file.CreateIndex())
        {
            await index.InitializeAsync(ModelId, Dimensions, Ct);
            await index.UpsertDocumentAsync(document.Record, document.Passages, document.Embeddings, Ct);
        }

        using var connection = OpenRaw();
        var blob = (byte[])Scalar(connection, $"SELECT embedding FROM passages WHERE id = '{document.Passages[1].Id}';")!;
        var expected = new byte[Dimensions * sizeof(float)];
        for (var i = 0; i < Dimensions; i++) BinaryPrimitives.WriteSingleLittleEndian(expected.AsSpan(i * 4), document.Embeddings[1][i]);
        Assert.Equal(expected, blob);
        var json = (string)Scalar(connection, $"SELECT metadata FROM documents WHERE id = '{EuRegulation}';")!;
        Assert.Contains("\"instrumentType\":\"Regulation\"", json, StringComparison.Ordinal);
        Assert.Contains("\"relations\":{\"repeals\":[\"eu-battery-directive-2006\"]}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("announcedDate", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpsertAndDelete_KeepFtsRowsInStepWithPassages()
    {
        using (var index = _file.CreateIndex())
        {
            await index.InitializeAsync(ModelId, Dimensions, Ct);
            foreach (var document in All) await index.UpsertDocumentAsync(document.Record, document.Passages, document.Embeddings, Ct);
            var china = Get(ChinaGraphite);
            await index.UpsertDocumentAsync(china.Record, [china.Passages[1]], [china.Embeddings[1]], Ct);
            await index.DeleteDocumentAsync(DraftNotes, Ct);
        }

        using var connection = OpenRaw();
        Assert.Equal(Scalar(connection, "SELECT count(*) FROM passages;"), Scalar(connection, "SELECT count(*) FROM passages_fts;"));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM passages_fts WHERE rowid NOT IN (SELECT rowid FROM passages);"));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'spherical OR passports';"));
    }

    [Fact]
    public async Task Dispose_AfterUse_ClosesEveryConnectionToTheFile()
    {
        var index = _file.CreateIndex();
        await index.InitializeAsync(ModelId, Dimensions, Ct);
        await index.UpsertDocumentAsync(Get(UsJapan).Record, Get(UsJapan).Passages, Get(UsJapan).Embeddings, Ct);
        await index.SearchKeywordAsync("lithium", 5, SearchFilter.None, Ct);
        Assert.True(File.Exists(_file.Path + "-wal"));

        index.Dispose();

        // SQLite checkpoints and removes the WAL when the last connection closes.
        Assert.False(File.Exists(_file.Path + "-wal"));
        File.Delete(_file.Path);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => index.GetStatsAsync(Ct));
    }

    [Fact]
    public async Task InitializeAsync_FileWithNewerSchema_ThrowsIndexMismatch()
    {
        using (var index = _file.CreateIndex()) await index.InitializeAsync(ModelId, Dimensions, Ct);
        using (var connection = OpenRaw()) Scalar(connection, "PRAGMA user_version = 99;");

        using var reopened = _file.CreateIndex();
        var error = await Assert.ThrowsAsync<IndexMismatchException>(() => reopened.InitializeAsync(ModelId, Dimensions, Ct));
        Assert.Contains("--rebuild", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyMethod_BeforeInitialize_ThrowsInvalidOperation()
    {
        using var index = _file.CreateIndex();

        await Assert.ThrowsAsync<InvalidOperationException>(() => index.GetStatsAsync(Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => index.SearchDenseAsync(new float[Dimensions], 5, SearchFilter.None, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => index.SearchKeywordAsync("lithium", 5, SearchFilter.None, Ct));
    }

    [Theory]
    [InlineData("battery")]
    [InlineData("BATTERIES")]
    [InlineData("uberprufung")]
    [InlineData("Überprüfung")]
    public async Task SearchKeywordAsync_InflectionsAndDiacritics_MatchThroughTokenizer(string query)
    {
        using var index = _file.CreateIndex();
        await index.InitializeAsync(ModelId, Dimensions, Ct);
        var record = Document("de", "Überprüfung der Batterien", DateTimeOffset.UnixEpoch, DocumentMetadata.Empty, 1);
        await index.UpsertDocumentAsync(record, [new Passage("de#000", "de", 0, null, "Batteries must be labelled.")], [Axis(0)], Ct);

        Assert.Single(await index.SearchKeywordAsync(query, 5, SearchFilter.None, Ct));
    }

    [Fact]
    public async Task SearchKeywordAsync_WordInHeading_OutranksSameWordInText()
    {
        using var index = _file.CreateIndex();
        await index.InitializeAsync(ModelId, Dimensions, Ct);
        var record = Document("h", "Notes", DateTimeOffset.UnixEpoch, DocumentMetadata.Empty, 2);
        Passage[] passages = [new("h#000", "h", 0, "General", "Rules for cobalt refiners apply."), new("h#001", "h", 1, "Cobalt", "Rules for these refiners apply.")];
        await index.UpsertDocumentAsync(record, passages, [Axis(0), Axis(1)], Ct);

        var hits = await index.SearchKeywordAsync("cobalt", 5, SearchFilter.None, Ct);

        Assert.Equal(["h#001", "h#000"], hits.Select(h => h.Passage.Id));
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _file.Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
