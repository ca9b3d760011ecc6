using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Core.Feedback;

namespace PolicyBot.Host.Tests.Server;

/// <summary>Question rate limits through the real server's POST /api/chat: per client address and per conversation.</summary>
public sealed class RateLimitEndToEndTests : IAsyncLifetime
{
    private BotServer _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _server = await BotServer.StartAsync(new Dictionary<string, string?>
    {
        ["PolicyBot:RateLimits:PerUser:QuestionsPerMinute"] = "2",
        ["PolicyBot:RateLimits:PerUser:Burst"] = "2",
        ["PolicyBot:RateLimits:PerChannel:QuestionsPerMinute"] = "60",
        ["PolicyBot:RateLimits:PerChannel:Burst"] = "60",
    });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private Task<JsonNode> ChatAsync(string conversation, string message) => _server.ChatAsync(conversation, message);

    [Fact]
    public async Task Chat_OverTheLimit_GetsAFriendlyReplyAndTheQuestionIsNotLogged()
    {
        Assert.Equal("answer", (await ChatAsync("a", "What are the CRMA benchmarks?"))["kind"]!.GetValue<string>());
        Assert.Equal("answer", (await ChatAsync("b", "When did the CRMA enter into force?"))["kind"]!.GetValue<string>());

        // Another conversation from the same address: the per-user (address) limit applies.
        var limited = await ChatAsync("c", "What are the CRMA recycling targets?");

        Assert.Equal("error", limited["kind"]!.GetValue<string>());
        Assert.Matches(@"^You're asking faster than I can keep up — try again in \d+ seconds?\.$", limited["text"]!.GetValue<string>());
        Assert.Null(limited["replyKey"]);
        Assert.Equal("help", (await ChatAsync("c", "help"))["kind"]!.GetValue<string>());
        var logged = await _server.Services.GetRequiredService<IQuestionLog>().ListAsync(null, default);
        Assert.Equal(["What are the CRMA benchmarks?", "When did the CRMA enter into force?"], logged.Select(q => q.Question));
        Assert.All(logged, q => Assert.Equal(("web", false), (q.Platform, q.Refused)));
        Assert.Equal(["web:a", "web:b"], logged.Select(q => q.ConversationId));
    }

    [Theory]
    [InlineData("PolicyBot:RateLimits:PerUser:QuestionsPerMinute", "0")]
    [InlineData("PolicyBot:RateLimits:PerChannel:Burst", "-3")]
    public async Task Start_WithAnInvalidLimit_FailsNamingTheKey(string key, string value)
    {
        using var temp = new PolicyBot.Tests.TempDirectory();
        await using var app = PolicyBot.Host.Server.PolicyBotServer.Build(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string?>
        {
            [key] = value,
            ["PolicyBot:Index:Path"] = temp.File("index.db"),
            ["PolicyBot:State:Path"] = temp.File("state.db"),
            ["PolicyBot:Ingestion:DataPath"] = temp.File("docs"),
        });

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(key, string.Join(" ", error.Failures));
    }
}
