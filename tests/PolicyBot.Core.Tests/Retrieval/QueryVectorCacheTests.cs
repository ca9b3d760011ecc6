using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Retrieval;
using PolicyBot.Core.Tests.Fakes;

namespace PolicyBot.Core.Tests.Retrieval;

public sealed class QueryVectorCacheTests
{
    private sealed class CountingEmbedder : IEmbedder
    {
        private readonly HashingEmbedder _inner = new();
        public List<string> Embedded { get; } = [];
        public string ModelId => _inner.ModelId;
        public int Dimensions => _inner.Dimensions;
        public int MaxTokens => _inner.MaxTokens;
        public int CountTokens(string text) => _inner.CountTokens(text);

        public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        {
            Embedded.AddRange(texts);
            return _inner.EmbedAsync(texts, cancellationToken);
        }
    }

    [Fact]
    public async Task GetAsync_SameQueryTwice_EmbedsOnce_AndReturnsTheModelsVector()
    {
        var embedder = new CountingEmbedder();
        var cache = new QueryVectorCache(capacity: 4);

        var first = await cache.GetAsync("graphite export controls", embedder, default);
        var second = await cache.GetAsync("graphite export controls", embedder, default);

        Assert.Equal(["graphite export controls"], embedder.Embedded);
        Assert.Equal((await new HashingEmbedder().EmbedAsync(["graphite export controls"], default))[0], second);
        Assert.Same(first, second);
        Assert.Equal((1, 1), (cache.Hits, cache.Misses));
    }

    [Fact]
    public async Task GetAsync_OverCapacity_DropsTheLeastRecentlyUsed()
    {
        var embedder = new CountingEmbedder();
        var cache = new QueryVectorCache(capacity: 2);

        await cache.GetAsync("a lithium", embedder, default);
        await cache.GetAsync("b cobalt", embedder, default);
        await cache.GetAsync("a lithium", embedder, default);   // a is now the most recent
        await cache.GetAsync("c nickel", embedder, default);    // evicts b
        await cache.GetAsync("a lithium", embedder, default);
        await cache.GetAsync("b cobalt", embedder, default);

        Assert.Equal(["a lithium", "b cobalt", "c nickel", "b cobalt"], embedder.Embedded);
    }
}
