using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Adapters.Tests.Support;
using PolicyBot.Core.Answering;
using PolicyBot.Tests;

namespace PolicyBot.Adapters.Tests.Ai;

/// <summary>
/// A misbehaving OpenAI-compatible server (a real Kestrel on 127.0.0.1 speaking the chat-completions wire format) never
/// leaves the user without an answer: each fault ends in the extractive answer with a notice saying what happened.
/// </summary>
public sealed class AnswerComposerFaultTests
{
    private static IAnswerComposer CreateComposer(Uri endpoint, int timeoutSeconds = 10)
    {
        var settings = new Dictionary<string, string?>
        {
            ["PolicyBot:Ai:Chat:Provider"] = "openai",
            ["PolicyBot:Ai:Chat:Endpoint"] = new Uri(endpoint, "/v1").ToString(),
            ["PolicyBot:Ai:Chat:Model"] = "test-model",
            ["PolicyBot:Ai:Chat:MaxRetries"] = "0",
            ["PolicyBot:Ai:Chat:TimeoutSeconds"] = timeoutSeconds.ToString(),
            ["PolicyBot:Ai:Chat:PromptsPath"] = Path.Combine(RepositoryPaths.Root, "prompts"),
        };
        return new ServiceCollection().AddLogging().AddPolicyBotAnswering(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider().GetRequiredService<IAnswerComposer>();
    }

    private static Task WriteJson(HttpContext context, string json, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    private static string Completion(object[] choices) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-2", @object = "chat.completion", created = 1764460800, model = "test-model", choices,
        usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
    });

    private static object Choice(string content) => new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" };

    private static void AssertExtractiveWithNotice(ComposedText composed, string reason)
    {
        Assert.Equal(ExtractiveComposer.Compose(AnswerFixtures.Context()), composed.Text);
        Assert.Equal($"The language model {reason}, so this answer was extracted directly from the documents.", composed.Notice);
    }

    [Fact]
    public async Task ConnectionRefused_FallsBackAndSaysTheModelCouldNotBeReached()
    {
        // A port that was just free and has no listener: the connection is refused at once.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var composer = CreateComposer(new Uri($"http://127.0.0.1:{port}"));

        var composed = await composer.ComposeAsync(AnswerFixtures.Context(), CancellationToken.None);

        AssertExtractiveWithNotice(composed, "could not be reached");
    }

    [Fact]
    public async Task MalformedJson_FallsBackAndSaysTheModelReturnedAnError()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => WriteJson(context, "{\"id\": \"chatcmpl-3\", \"choices\": [ {\"message\": "));
        var composer = CreateComposer(server.Address);

        var composed = await composer.ComposeAsync(AnswerFixtures.Context(), CancellationToken.None);

        Assert.Single(server.Requests);
        AssertExtractiveWithNotice(composed, "returned an error");
    }

    [Fact]
    public async Task HtmlErrorPageWith502_FallsBack()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 502;
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync("<html><body>Bad gateway</body></html>");
        });
        var composer = CreateComposer(server.Address);

        var composed = await composer.ComposeAsync(AnswerFixtures.Context(), CancellationToken.None);

        AssertExtractiveWithNotice(composed, "returned an error");
    }

    [Fact]
    public async Task EmptyChoices_FallsBack()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => WriteJson(context, Completion([])));
        var composer = CreateComposer(server.Address);

        var composed = await composer.ComposeAsync(AnswerFixtures.Context(), CancellationToken.None);

        Assert.Single(server.Requests);
        Assert.Equal(ExtractiveComposer.Compose(AnswerFixtures.Context()), composed.Text);
        Assert.Matches("^The language model (returned an error|returned an empty answer), so this answer was extracted directly from the documents.$", composed.Notice);
    }

    [Fact]
    public async Task EmptyContent_FallsBackAndSaysTheAnswerWasEmpty()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => WriteJson(context, Completion([Choice("   ")])));
        var composer = CreateComposer(server.Address);

        var composed = await composer.ComposeAsync(AnswerFixtures.Context(), CancellationToken.None);

        AssertExtractiveWithNotice(composed, "returned an empty answer");
    }

    [Fact]
    public async Task OnlyInventedCitations_FallsBackAndSaysTheSourcesDoNotExist()
    {
        // The context holds one passage; [3] and [7] point at nothing.
        await using var server = await LoopbackServer.StartAsync((context, _) =>
            WriteJson(context, Completion([Choice("The controls apply from 1 January 2027 [3]. Exports need a licence [7].")])));
        var composer = CreateComposer(server.Address);

        var composed = await composer.ComposeAsync(AnswerFixtures.Context(), CancellationToken.None);

        AssertExtractiveWithNotice(composed, "cited sources that do not exist");
        Assert.DoesNotContain("1 January 2027", composed.Text);
    }

    [Fact]
    public async Task AnswerWithoutAnyMarker_IsPassedOnForTheCallerToRefuse()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
            WriteJson(context, Completion([Choice("The passages do not say.")])));
        var composer = CreateComposer(server.Address);

        var composed = await composer.ComposeAsync(AnswerFixtures.Context(), CancellationToken.None);

        Assert.Equal("The passages do not say.", composed.Text);
        Assert.Null(composed.Notice);
    }

    [Fact]
    public async Task ServerThatAcceptsButNeverAnswers_FallsBackWithinTheTimeout()
    {
        // Accepts the TCP connection and reads the request, then sends nothing at all.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = new CancellationTokenSource();
        var silent = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync(stop.Token);
            await Task.Delay(Timeout.Infinite, stop.Token);
        });
        try
        {
            var composer = CreateComposer(new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}"), timeoutSeconds: 1);

            var composed = await composer.ComposeAsync(AnswerFixtures.Context(), CancellationToken.None);

            AssertExtractiveWithNotice(composed, "did not answer within 1 s");
        }
        finally
        {
            await stop.CancelAsync();
            listener.Stop();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => silent);
        }
    }
}
