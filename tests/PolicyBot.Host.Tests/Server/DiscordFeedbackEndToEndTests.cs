using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;
using PolicyBot.Core.Feedback;
using PolicyBot.Tests;

namespace PolicyBot.Host.Tests.Server;

/// <summary>Discord feedback over the signed interactions endpoint: "Not helpful" opens a reason modal; submitting it stores the vote.</summary>
public sealed class DiscordFeedbackEndToEndTests : IAsyncLifetime
{
    private const string ApplicationId = "1200000000000000002";
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly HttpClient _http = new();
    private LoopbackServer _rest = null!;
    private BotServer _server = null!;

    public async Task InitializeAsync()
    {
        _rest = await FakeDiscordRest.StartAsync();
        _server = await BotServer.StartAsync(new Dictionary<string, string?>
        {
            ["Discord:ApplicationId"] = ApplicationId,
            ["Discord:PublicKey"] = Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            ["Discord:ApiBaseUrl"] = new Uri(_rest.Address, "/api/v10").ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        await _rest.DisposeAsync();
        _key.Dispose();
    }

    private async Task<JsonNode> PostAsync(JsonObject interaction)
    {
        var body = interaction.ToJsonString();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.Address, "/discord/interactions"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body))));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static JsonObject Interaction(string id, int type, JsonObject data) => new()
    {
        ["id"] = id, ["application_id"] = ApplicationId, ["type"] = type, ["token"] = "token-" + id, ["version"] = 1,
        ["channel_id"] = "3000000000000000003", ["guild_id"] = "4000000000000000004",
        ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "5000000000000000005", ["username"] = "analyst" } },
        ["data"] = data,
    };

    private async Task<JsonNode> AnswerAsync(string question)
    {
        var response = await PostAsync(Interaction("8100000000000000001", 2, new JsonObject
        {
            ["id"] = "7", ["name"] = "ask", ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = question }),
        }));
        if (response["type"]!.GetValue<int>() == 4) return response["data"]!;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            lock (_rest.Requests)
                if (_rest.Requests.FirstOrDefault(r => r.Method == "PATCH") is { } edit) return JsonNode.Parse(edit.Body)!;
            await Task.Delay(20);
        }
        throw new TimeoutException("The deferred answer never arrived.");
    }

    [Fact]
    public async Task NotHelpful_OpensAReasonModal_AndTheSubmittedReasonIsStoredWithTheQuestion()
    {
        var answer = await AnswerAsync("What are the CRMA benchmarks?");
        var buttons = answer["components"]![0]!["components"]!.AsArray();
        var notHelpful = buttons.Single(b => b!["label"]!.GetValue<string>() == "Not helpful")!["custom_id"]!.GetValue<string>();

        var modal = await PostAsync(Interaction("8100000000000000002", 3, new JsonObject { ["custom_id"] = notHelpful, ["component_type"] = 2 }));

        Assert.Equal(9, modal["type"]!.GetValue<int>());
        var input = modal["data"]!["components"]![0]!["components"]![0]!;
        Assert.Equal((4, "reason", false), (input["type"]!.GetValue<int>(), input["custom_id"]!.GetValue<string>(), input["required"]!.GetValue<bool>()));
        var store = _server.Services.GetRequiredService<IFeedbackStore>();
        var atClick = Assert.Single(await store.ListAsync(null, default));   // the vote counts even if the form is dismissed
        Assert.Equal((false, null), (atClick.Helpful, atClick.Reason));

        var thanks = await PostAsync(Interaction("8100000000000000003", 5, new JsonObject
        {
            ["custom_id"] = modal["data"]!["custom_id"]!.GetValue<string>(),
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = 1, ["components"] = new JsonArray(new JsonObject { ["type"] = 4, ["custom_id"] = "reason", ["value"] = "  No recycling figure.  " }),
            }),
        }));

        Assert.Equal("Thanks for the feedback.", thanks["data"]!["content"]!.GetValue<string>());
        Assert.Equal(64, thanks["data"]!["flags"]!.GetValue<int>());
        var vote = Assert.Single(FeedbackVotes.LatestPerVoter(await store.ListAsync(null, default)));
        Assert.Equal(("discord", false, "No recycling figure.", "What are the CRMA benchmarks?"), (vote.Platform, vote.Helpful, vote.Reason, vote.Question));
        Assert.Equal("3000000000000000003", vote.ConversationId);
        Assert.Contains("eu-critical-raw-materials-act-2024", vote.CitedDocuments);
        Assert.False(string.IsNullOrEmpty(vote.Answer));
    }

    [Fact]
    public async Task Helpful_IsStoredAtOnceWithoutAModal()
    {
        var answer = await AnswerAsync("What are the CRMA benchmarks?");
        var helpful = answer["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();

        var response = await PostAsync(Interaction("8100000000000000004", 3, new JsonObject { ["custom_id"] = helpful, ["component_type"] = 2 }));

        Assert.Equal(4, response["type"]!.GetValue<int>());
        var vote = Assert.Single(await _server.Services.GetRequiredService<IFeedbackStore>().ListAsync(null, default));
        Assert.True(vote.Helpful);
        Assert.Null(vote.Reason);
    }
}
