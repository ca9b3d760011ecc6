using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Adapters.Tests.Ai;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (random port) speaking the OpenAI embeddings wire format.
/// For input k it returns the unnormalised vector [k + 1, 2, 0, ...] and lists the data in reverse index order.
/// </summary>
internal sealed class FakeEmbeddingServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeEmbeddingServer(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri BaseAddress => new(_app.Urls.Single());

    public int Dimensions { get; set; } = 4;

    /// <summary>When set, every request gets this status and body instead of embeddings.</summary>
    public (int Status, string Body)? Failure { get; set; }

    public static async Task<FakeEmbeddingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeEmbeddingServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    public static float[] VectorFor(int index, int dimensions)
    {
        var vector = new float[dimensions];
        vector[0] = index + 1;
        vector[1] = 2;
        return vector;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        Requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType ?? "",
            body));

        if (Failure is { } failure)
        {
            context.Response.StatusCode = failure.Status;
            await context.Response.WriteAsync(failure.Body, context.RequestAborted);
            return;
        }

        var request = JsonNode.Parse(body)!;
        var model = request["model"]!.GetValue<string>();
        var count = request["input"]!.AsArray().Count;
        var data = new JsonArray();
        for (var index = count - 1; index >= 0; index--)
        {
            data.Add(new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = index,
                ["embedding"] = new JsonArray([.. VectorFor(index, Dimensions).Select(x => (JsonNode?)JsonValue.Create(x))]),
            });
        }

        var response = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = count * 3, ["total_tokens"] = count * 3 },
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.ToJsonString(JsonSerializerOptions.Default), context.RequestAborted);
    }

    internal sealed record RecordedRequest(string Method, string Path, string Authorization, string ContentType, string Body);
}
