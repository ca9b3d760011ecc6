using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyBot.Adapters.Tests.Support;
using PolicyBot.Core.Answering;
using PolicyBot.Tests;

namespace PolicyBot.Adapters.Tests.Ai;

public sealed class SemanticKernelAnswerComposerTests
{
    private const string ModelReply = "Announcement No. 58 was due to take effect on 8 November 2025 [1]. A claim with an invented source [4].";

    private static IAnswerComposer CreateComposer(string provider, Uri? endpoint = null, int timeoutSeconds = 10)
    {
        var settings = new Dictionary<string, string?>
        {
            ["PolicyBot:Ai:Chat:Provider"] = provider,
            ["PolicyBot:Ai:Chat:Endpoint"] = endpoint is null ? null : new Uri(endpoint, "/v1").ToString(),
            ["PolicyBot:Ai:Chat:Model"] = "test-model",
            ["PolicyBot:Ai:Chat:ApiKey"] = "sk-test-secret",
            ["PolicyBot:Ai:Chat:MaxRetries"] = "0",
            ["PolicyBot:Ai:Chat:TimeoutSeconds"] = timeoutSeconds.ToString(),
            ["PolicyBot:Ai:Chat:PromptsPath"] = Path.Combine(RepositoryPaths.Root, "prompts"),
        };
        var services = new ServiceCollection().AddLogging().AddPolicyBotAnswering(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider().GetRequiredService<IAnswerComposer>();
    }

    private static Task ReplyWithCompletion(HttpContext context, string content)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            id = "chatcmpl-1", @object = "chat.completion", created = 1764460800, model = "test-model",
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
        }));
    }

    [Fact]
    public async Task ComposeAsync_OpenAi_SendsTheChatCompletionsRequest()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => ReplyWithCompletion(context, ModelReply));
        var composer = CreateComposer("openai", server.Address);
        var context = AnswerFixtures.Context();

        var composed = await composer.ComposeAsync(context, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.PathAndQuery);
        Assert.Equal("Bearer sk-test-secret", request.Headers["Authorization"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("test-model", root.GetProperty("model").GetString());
        Assert.Equal(0, root.GetProperty("temperature").GetDouble());
        var messages = root.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        var system = messages[0].GetProperty("content").GetString()!;
        var user = messages[1].GetProperty("content").GetString()!;
        Assert.Contains("Answer only from the numbered passages", system);
        Assert.Contains("Today is 30 November 2026", system);
        Assert.Contains("[1] China Announcement No. 58 of 2025", user);
        Assert.Contains("effective 8 November 2025", user);
        Assert.Contains("compaction density of at least 2.5 g/cm3", user);
        Assert.Contains("User: What did China announce on 9 October 2025?", user);
        Assert.Contains("Question: When do China's export controls on LFP cathode materials take effect?", user);

        Assert.Equal(ModelReply, composed.Text);
        Assert.Null(composed.Notice);
        var (text, citations) = CitationPostProcessor.Process(composed.Text, context.Passages);
        Assert.Equal("Announcement No. 58 was due to take effect on 8 November 2025 [1]. A claim with an invented source.", text);
        Assert.Single(citations);
    }

    [Fact]
    public async Task ComposeAsync_ServerReturns500_FallsBackToExtractiveAndSaysSo()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 500;
            return context.Response.WriteAsync("{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}");
        });
        var composer = CreateComposer("openai", server.Address);

        var composed = await composer.ComposeAsync(AnswerFixtures.Context(), CancellationToken.None);

        Assert.NotEmpty(server.Requests);
        Assert.Contains("returned an error", composed.Notice);
        Assert.Equal(ExtractiveComposer.Compose(AnswerFixtures.Context()), composed.Text);
        Assert.Contains("due to take effect on 8 November 2025. [1]", composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_ServerTooSlow_FallsBackWithinTheTimeout()
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
            await ReplyWithCompletion(context, ModelReply);
        });
        var composer = CreateComposer("openai", server.Address, timeoutSeconds: 1);

        var composed = await composer.ComposeAsync(AnswerFixtures.Context(), CancellationToken.None);

        Assert.Contains("did not answer within 1 s", composed.Notice);
        Assert.Contains("[1]", composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_Extractive_GoesThroughTheKernelAndMatchesTheComposer()
    {
        var composer = CreateComposer("extractive");
        var context = AnswerFixtures.Context();

        var composed = await composer.ComposeAsync(context, CancellationToken.None);

        Assert.Equal(ExtractiveComposer.Compose(context), composed.Text);
        Assert.Null(composed.Notice);
    }

    [Fact]
    public void AddPolicyBotAnswering_OpenAiWithoutEndpoint_FailsValidationNamingTheKey()
    {
        var settings = new Dictionary<string, string?> { ["PolicyBot:Ai:Chat:Provider"] = "openai", ["PolicyBot:Ai:Chat:Model"] = "m" };
        var provider = new ServiceCollection().AddLogging()
            .AddPolicyBotAnswering(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PolicyBot.Ai.Chat.ChatOptions>>().Value);
        Assert.Contains("PolicyBot:Ai:Chat:Endpoint", error.Message);
    }
}
