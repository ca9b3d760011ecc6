using PolicyBot.Core.Domain;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Core.Tests.Contracts;

/// <summary>
/// The behaviour every <see cref="IPassageIndex"/> must show. Derive, implement <see cref="CreateIndexAsync"/>
/// (and <see cref="ReopenIndexAsync"/> for durable stores), and the whole suite runs against the implementation.
/// xUnit makes a new instance per test, so each test gets its own empty store.
/// </summary>
public abstract partial class PassageIndexContractTests : IAsyncLifetime
{
    protected const string ModelId = "contract-test-model-v1";
    protected const int Dimensions = ContractCorpus.Dimensions;

    private readonly List<IPassageIndex> _instances = [];

    /// <summary>A new, uninitialized index over this test's store, which is empty when the test starts.</summary>
    protected abstract Task<IPassageIndex> CreateIndexAsync();

    /// <summary>A new, uninitialized instance over the same store as <see cref="CreateIndexAsync"/>; null when the store is not durable.</summary>
    protected virtual Task<IPassageIndex?> ReopenIndexAsync() => Task.FromResult<IPassageIndex?>(null);

    /// <summary>Removes this test's store; runs after every index instance has been disposed.</summary>
    protected virtual Task DeleteStoreAsync() => Task.CompletedTask;

    protected static CancellationToken Ct => CancellationToken.None;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances) await DisposeIndexAsync(instance);
        await DeleteStoreAsync();
    }

    protected async Task<IPassageIndex> NewIndexAsync()
    {
        var index = Track(await CreateIndexAsync());
        await index.InitializeAsync(ModelId, Dimensions, Ct);
        return index;
    }

    protected async Task<IPassageIndex> SeededIndexAsync()
    {
        var index = await NewIndexAsync();
        foreach (var document in ContractCorpus.All) await UpsertAsync(index, document);
        return index;
    }

    /// <summary>Disposes <paramref name="current"/> and opens the same store again, uninitialized; null when unsupported.</summary>
    protected async Task<IPassageIndex?> ReopenAsync(IPassageIndex current)
    {
        await DisposeIndexAsync(current);
        var reopened = await ReopenIndexAsync();
        return reopened is null ? null : Track(reopened);
    }

    protected static Task UpsertAsync(IPassageIndex index, CorpusDocument document) =>
        index.UpsertDocumentAsync(document.Record, document.Passages, document.Embeddings, Ct);

    protected static Task<IReadOnlyList<PassageHit>> DenseAsync(IPassageIndex index, float[] query, int top = 20, SearchFilter? filter = null) =>
        index.SearchDenseAsync(query, top, filter ?? SearchFilter.None, Ct);

    protected static Task<IReadOnlyList<PassageHit>> KeywordAsync(IPassageIndex index, string query, int top = 20, SearchFilter? filter = null) =>
        index.SearchKeywordAsync(query, top, filter ?? SearchFilter.None, Ct);

    protected static void AssertSameDocument(DocumentRecord expected, DocumentRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.SourcePath, actual.SourcePath);
        Assert.Equal(expected.ContentHash, actual.ContentHash);
        Assert.Equal(expected.IngestedAt, actual.IngestedAt);
        Assert.Equal(expected.IngestedAt.Offset, actual.IngestedAt.Offset);
        Assert.Equal(expected.PassageCount, actual.PassageCount);
        AssertSameMetadata(expected.Metadata, actual.Metadata);
    }

    protected static void AssertSameMetadata(DocumentMetadata expected, DocumentMetadata actual)
    {
        Assert.Equal(expected.Jurisdiction, actual.Jurisdiction);
        Assert.Equal(expected.IssuingBody, actual.IssuingBody);
        Assert.Equal(expected.InstrumentType, actual.InstrumentType);
        Assert.Equal(expected.Announced, actual.Announced);
        Assert.Equal(expected.Effective, actual.Effective);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Materials, actual.Materials);
        Assert.Equal(expected.Sources, actual.Sources);
        Assert.Equal(expected.Relations.Keys.Order(StringComparer.Ordinal), actual.Relations.Keys.Order(StringComparer.Ordinal));
        foreach (var (relation, ids) in expected.Relations) Assert.Equal(ids, actual.Relations[relation]);
    }

    protected static void AssertSamePassages(IReadOnlyList<Passage> expected, IReadOnlyList<Passage> actual) =>
        Assert.Equal(expected, actual);

    private IPassageIndex Track(IPassageIndex index)
    {
        _instances.Add(index);
        return index;
    }

    private static async Task DisposeIndexAsync(IPassageIndex index)
    {
        if (index is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
        else if (index is IDisposable disposable) disposable.Dispose();
    }
}
