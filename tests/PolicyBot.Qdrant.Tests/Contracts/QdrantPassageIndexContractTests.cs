using Microsoft.Extensions.Options;
using PolicyBot.Core.Retrieval;
using PolicyBot.Qdrant;

namespace PolicyBot.Core.Tests.Contracts;

/// <summary>
/// The shared index contract against a real Qdrant server (QDRANT_ENDPOINT); each test gets its own collection, dropped
/// afterwards. Without QDRANT_ENDPOINT every test of the suite is reported as skipped.
/// </summary>
[Trait("Category", "Integration")]
public sealed class QdrantPassageIndexContractTests : PassageIndexContractTests
{
    private readonly QdrantOptions _options = new()
    {
        Endpoint = QdrantTestServer.Endpoint,
        ApiKey = QdrantTestServer.ApiKey,
        Collection = "policybot_contract_" + Guid.NewGuid().ToString("N"),
    };

    protected override Task<IPassageIndex> CreateIndexAsync() => Task.FromResult<IPassageIndex>(new QdrantPassageIndex(Options.Create(_options)));

    protected override Task<IPassageIndex?> ReopenIndexAsync() => Task.FromResult<IPassageIndex?>(new QdrantPassageIndex(Options.Create(_options)));

    protected override async Task DeleteStoreAsync()
    {
        if (QdrantTestServer.Endpoint is null) return;
        using var index = new QdrantPassageIndex(Options.Create(_options));
        await index.DeleteCollectionAsync(CancellationToken.None);
    }
}
