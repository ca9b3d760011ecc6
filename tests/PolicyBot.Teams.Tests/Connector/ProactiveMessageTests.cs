using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Teams.Connector;
using PolicyBot.Teams.Models;
using PolicyBot.Teams.Tests.Models;
using PolicyBot.Tests;

namespace PolicyBot.Teams.Tests.Connector;

public sealed class ProactiveMessageTests
{
    /// <summary>The stored reference, pointed at the loopback server but keeping the channel's serviceUrl path.</summary>
    private static ConversationReference StoreAndLoad(ConnectorHarness harness, Activity inbound)
    {
        var stored = JsonSerializer.Serialize(ConversationReference.FromActivity(inbound), BotJson.Options);
        var loaded = JsonSerializer.Deserialize<ConversationReference>(stored, BotJson.Options)!;
        return loaded with { ServiceUrl = new Uri(harness.Address, new Uri(loaded.ServiceUrl!).AbsolutePath).ToString() };
    }

    [SharedFact]
    public async Task SendToConversationAsync_ReferenceFromBotInstalledInTeam_PostsToStoredConversation()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var reference = StoreAndLoad(harness, BotFixtures.Activity("teams_conversationupdate_membersadded_team.json"));

        var response = await harness.Client.SendToConversationAsync(reference, new Activity { Text = "New battery policy published" }, CancellationToken.None);

        Assert.Equal("activity-1", response.Id);
        var request = Assert.Single(harness.ConnectorRequests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/amer/v3/conversations/19%3A0b7f32667e064dd9b25d7969801541f4%40thread.tacv2/activities", request.RawTarget);
        JsonAssert.Equivalent(JsonNode.Parse("""{"type":"message","text":"New battery policy published"}"""), request.Body);
    }

    [SharedFact]
    public async Task CreateConversationAsync_ThenSend_StartsAPersonalChatWithTheStoredUser()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var reference = StoreAndLoad(harness, BotFixtures.Activity("teams_message_channel_mention.json"));
        harness.Script(new ScriptedResponse(201, """{"id":"a:1on1"}"""));

        var chat = await harness.Client.CreateConversationAsync(reference.ServiceUrl!,
            ConversationParameters.ForPersonalChat(reference.Bot!.Id!, reference.User!.Id!, reference.Conversation!.TenantId!), CancellationToken.None);
        await harness.Client.SendToConversationAsync(reference.ServiceUrl!, chat.Id!, new Activity { Text = "hi" }, CancellationToken.None);

        Assert.Equal(["/amer/50612dbb-0237-4969-b378-8d42590f9c00/v3/conversations", "/amer/50612dbb-0237-4969-b378-8d42590f9c00/v3/conversations/a%3A1on1/activities"],
            harness.ConnectorRequests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task SendToConversationAsync_ReferenceWithoutServiceUrl_Throws()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var reference = new ConversationReference { Conversation = new ConversationAccount { Id = "a:chat" } };

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.SendToConversationAsync(reference, new Activity(), CancellationToken.None));
    }

    [Fact]
    public void AddTeamsConnector_ResolvesEverySingletonOnce()
    {
        var services = new ServiceCollection().AddLogging().AddTeamsConnector().AddTeamsConnector();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Same(provider.GetRequiredService<IConnectorClient>(), provider.GetRequiredService<IConnectorClient>());
        Assert.IsType<ConnectorTokenProvider>(provider.GetRequiredService<IConnectorTokenProvider>());
        Assert.Single(services, d => d.ServiceType == typeof(IConnectorClient));
        Assert.NotNull(provider.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorClient.HttpClientName));
    }
}
