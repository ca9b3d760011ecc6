using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Ai.Embeddings;
using PolicyBot.Core.Ingestion;

namespace PolicyBot.Adapters.Tests.Ai;

public sealed class OpenAiCompatibleEmbedderTests : IAsyncLifetime
{
    private const string ApiKey = "sk-test-0123456789-secret";
    private const string Model = "text-embedding-test";

    private FakeEmbeddingServer _server = null!;
    private ServiceProvider? _services;

    public async Task InitializeAsync() => _server = await FakeEmbeddingServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _server.DisposeAsync();
    }

    [Fact]
    public async Task EmbedAsync_FiveTexts_PostsOpenAiRequestsInBatchesAndReturnsUnitVectorsInInputOrder()
    {
        var embedder = CreateEmbedder(apiKey: ApiKey, batchSize: 2);
        string[] texts = ["alpha", "beta", "gamma", "delta", "epsilon"];

        var vectors = await embedder.EmbedAsync(texts, CancellationToken.None);

        Assert.Equal(3, _server.Requests.Count);
        var inputs = new List<string>();
        foreach (var request in _server.Requests)
        {
            Assert.Equal("POST", request.Method);
            Assert.Equal("/v1/embeddings", request.Path);
            Assert.Equal($"Bearer {ApiKey}", request.Authorization);
            Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
            using var body = JsonDocument.Parse(request.Body);
            Assert.Equal(["model", "input"], body.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(Model, body.RootElement.GetProperty("model").GetString());
            Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("input").ValueKind);
            inputs.AddRange(body.RootElement.GetProperty("input").EnumerateArray().Select(e => e.GetString()!));
        }

        Assert.Equal(texts, inputs);
        Assert.Equal(texts.Length, vectors.Length);
        int[] indexInBatch = [0, 1, 0, 1, 0];
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(1.0, Vectors.Norm(vectors[i]), 5);
            Assert.Equal(1.0, Vectors.Cosine(vectors[i], FakeEmbeddingServer.VectorFor(indexInBatch[i], 4)), 5);
        }
    }

    [Fact]
    public async Task EmbedAsync_NoApiKey_SendsNoAuthorizationHeader()
    {
        var embedder = CreateEmbedder(apiKey: null, endpointSuffix: "/v1/");

        await embedder.EmbedAsync(["alpha"], CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/embeddings", request.Path);
        Assert.Equal("", request.Authorization);
    }

    [Fact]
    public async Task EmbedAsync_ServerError_ThrowsClearMessageWithoutApiKey()
    {
        _server.Failure = (500, $"{{\"error\":{{\"message\":\"upstream failed for key {ApiKey}\"}}}}");
        var embedder = CreateEmbedder(apiKey: ApiKey);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => embedder.EmbedAsync(["alpha"], CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("500", error.Message, StringComparison.Ordinal);
        Assert.Contains("/v1/embeddings", error.Message, StringComparison.Ordinal);
        Assert.Contains("upstream failed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbedAsync_WrongVectorLength_ThrowsNamingDimensionsSetting()
    {
        _server.Dimensions = 3;
        var embedder = CreateEmbedder(apiKey: ApiKey);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => embedder.EmbedAsync(["alpha"], CancellationToken.None));

        Assert.Contains("PolicyBot:Ai:Embeddings:Dimensions is 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbedAsync_EmptyList_SendsNothing()
    {
        var embedder = CreateEmbedder(apiKey: ApiKey);

        Assert.Empty(await embedder.EmbedAsync([], CancellationToken.None));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Properties_ComeFromOptions()
    {
        var embedder = CreateEmbedder(apiKey: ApiKey);

        Assert.Equal(Model, embedder.ModelId);
        Assert.Equal(4, embedder.Dimensions);
        Assert.Equal(8191, embedder.MaxTokens);
        Assert.Equal(3, embedder.CountTokens("twelve chars"));
        Assert.Equal(4, embedder.CountTokens("thirteen char"));
    }

    private IEmbedder CreateEmbedder(string? apiKey, int batchSize = 32, string endpointSuffix = "/v1")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PolicyBot:Ai:Embeddings:Provider"] = "openai",
            ["PolicyBot:Ai:Embeddings:Endpoint"] = _server.BaseAddress.AbsoluteUri.TrimEnd('/') + endpointSuffix,
            ["PolicyBot:Ai:Embeddings:Model"] = Model,
            ["PolicyBot:Ai:Embeddings:ApiKey"] = apiKey,
            ["PolicyBot:Ai:Embeddings:Dimensions"] = "4",
            ["PolicyBot:Ai:Embeddings:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        _services = new ServiceCollection().AddPolicyBotEmbeddings(configuration).BuildServiceProvider();
        return Assert.IsType<OpenAiCompatibleEmbedder>(_services.GetRequiredService<IEmbedder>());
    }
}
