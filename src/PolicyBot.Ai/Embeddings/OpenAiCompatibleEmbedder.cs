using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Ingestion;

namespace PolicyBot.Ai.Embeddings;

/// <summary>
/// Embeddings from any server that speaks the OpenAI <c>POST {Endpoint}/embeddings</c> format
/// (OpenAI, Ollama, vLLM, LiteLLM...). Sends <see cref="EmbeddingOptions.BatchSize"/> texts per request.
/// </summary>
public sealed class OpenAiCompatibleEmbedder : IEmbedder
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client; resilience comes from the host's HttpClient defaults.</summary>
    public const string HttpClientName = "policybot-embeddings";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ILogger _logger;
    private readonly Uri _requestUri;
    private readonly string _model;
    private readonly string? _apiKey;
    private readonly int _batchSize;

    public OpenAiCompatibleEmbedder(IHttpClientFactory httpClientFactory, IOptions<EmbeddingOptions> options, ILogger<OpenAiCompatibleEmbedder>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        const string prefix = EmbeddingOptions.Section + ":";
        var endpoint = value.Endpoint ?? throw new InvalidOperationException($"{prefix}Endpoint is required for the OpenAI-compatible embedder.");
        _model = string.IsNullOrWhiteSpace(value.Model) ? throw new InvalidOperationException($"{prefix}Model is required for the OpenAI-compatible embedder.") : value.Model;
        Dimensions = value.Dimensions ?? throw new InvalidOperationException($"{prefix}Dimensions is required for the OpenAI-compatible embedder.");
        _requestUri = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/embeddings");
        _apiKey = string.IsNullOrEmpty(value.ApiKey) ? null : value.ApiKey;
        _batchSize = value.BatchSize;
        MaxTokens = value.MaxTokens;
        _httpClientFactory = httpClientFactory;
        _logger = logger ?? NullLogger<OpenAiCompatibleEmbedder>.Instance;
    }

    public string ModelId => _model;

    public int Dimensions { get; }

    public int MaxTokens { get; }

    /// <summary>Approximates with ~4 characters a token (good for English BPE); the remote tokenizer is not available here.</summary>
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (text.Length + 3) / 4;
    }

    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var results = new float[texts.Count][];
        var httpClient = texts.Count == 0 ? null : _httpClientFactory.CreateClient(HttpClientName);
        for (var start = 0; start < texts.Count; start += _batchSize)
        {
            var batch = new string[Math.Min(_batchSize, texts.Count - start)];
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = texts[start + i] ?? throw new ArgumentException($"Text {start + i} is null.", nameof(texts));
            }

            var vectors = await PostAsync(httpClient!, batch, cancellationToken);
            vectors.CopyTo(results, start);
        }

        return results;
    }

    private async Task<float[][]> PostAsync(HttpClient httpClient, string[] batch, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, _requestUri)
        {
            Content = JsonContent.Create(new OpenAiEmbeddingRequest(_model, batch), OpenAiEmbeddingJsonContext.Default.OpenAiEmbeddingRequest),
        };
        if (_apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        }

        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(
                $"Embedding request to {_requestUri} (model {_model}) failed with HTTP {(int)response.StatusCode} ({response.ReasonPhrase}): {Redact(body)}",
                inner: null,
                response.StatusCode);
        }

        var payload = await response.Content.ReadFromJsonAsync(OpenAiEmbeddingJsonContext.Default.OpenAiEmbeddingResponse, cancellationToken);
        var vectors = ToVectors(payload, batch.Length);
        _logger.RemoteBatchEmbedded(batch.Length, _model, _requestUri.GetLeftPart(UriPartial.Authority), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return vectors;
    }

    private float[][] ToVectors(OpenAiEmbeddingResponse? payload, int expected)
    {
        var data = payload?.Data ?? throw Invalid("the response has no 'data' array");
        if (data.Count != expected)
        {
            throw Invalid($"it returned {data.Count} embeddings for {expected} inputs");
        }

        var vectors = new float[expected][];
        foreach (var item in data)
        {
            if (item.Index < 0 || item.Index >= expected || vectors[item.Index] is not null)
            {
                throw Invalid($"it returned a missing, duplicate or out-of-range index {item.Index}");
            }

            var embedding = item.Embedding ?? throw Invalid($"embedding {item.Index} is missing (base64 encoding is not supported)");
            if (embedding.Length != Dimensions)
            {
                throw Invalid($"it returned {embedding.Length}-dimensional vectors but {EmbeddingOptions.Section}:Dimensions is {Dimensions}");
            }

            VectorMath.NormalizeInPlace(embedding);
            vectors[item.Index] = embedding;
        }

        return vectors;
    }

    private InvalidOperationException Invalid(string problem) =>
        new($"Embedding response from {_requestUri} (model {_model}) is unusable: {problem}.");

    // Error bodies sometimes echo the credential (e.g. "Incorrect API key provided: ..."); never let it reach logs or chat.
    private string Redact(string body)
    {
        const int maxLength = 500;
        if (_apiKey is not null)
        {
            body = body.Replace(_apiKey, "[redacted]", StringComparison.Ordinal);
        }

        return body.Length <= maxLength ? body : string.Concat(body.AsSpan(0, maxLength), "...");
    }
}
