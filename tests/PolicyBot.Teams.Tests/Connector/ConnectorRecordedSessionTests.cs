using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyBot.Teams.Connector;
using PolicyBot.Teams.Models;
using PolicyBot.Teams.Tests.Models;
using PolicyBot.Tests;

namespace PolicyBot.Teams.Tests.Connector;

/// <summary>Replays the recorded Connector sessions (recorded_*.json): same URIs and bodies out, same results from the recorded answers.</summary>
public sealed class ConnectorRecordedSessionTests
{
    [SharedFact]
    public async Task EveryRecordedEntry_ReplayedThroughOurClient_SendsTheRecordedRequest()
    {
        var files = Directory.GetFiles(Path.Combine(BotFixtures.ActivitiesFolder, "..", "connector"), "recorded_*.json");
        Assert.Equal(4, files.Length);
        var replayed = 0;

        foreach (var file in files)
        {
            await using var harness = await ConnectorHarness.StartAsync();
            var serviceUrl = harness.Address.ToString(); // the recordings were made against the service root
            foreach (var entry in JsonNode.Parse(File.ReadAllText(file))!["Entries"]!.AsArray())
            {
                var uri = entry!["RequestUri"]!.GetValue<string>();
                var status = entry["StatusCode"]!.GetValue<int>();
                var responseBody = entry["ResponseBody"]!.GetValue<string>();
                harness.Script(new ScriptedResponse(status, responseBody));
                var before = harness.ConnectorRequests.Count;

                var call = Replay(harness.Client, serviceUrl, uri, entry["RequestBody"]!.GetValue<string>());
                if (status >= 400)
                {
                    var error = await Assert.ThrowsAsync<ConnectorException>(call);
                    var expected = JsonNode.Parse(responseBody)!["error"]!;
                    Assert.Equal((HttpStatusCode)status, error.StatusCode);
                    Assert.Equal(expected["code"]!.GetValue<string>(), error.ErrorCode);
                    Assert.Equal(expected["message"]!.GetValue<string>(), error.ErrorMessage);
                }
                else
                {
                    var id = await call();
                    Assert.Equal(JsonNode.Parse(responseBody)!["id"]!.GetValue<string>(), id);
                }

                var request = harness.ConnectorRequests[before];
                Assert.Equal(entry["RequestMethod"]!.GetValue<string>(), request.Method);
                Assert.Equal(uri, request.RawTarget);
                JsonAssert.Equivalent(JsonNode.Parse(entry["RequestBody"]!.GetValue<string>()), request.Body);
                replayed++;
            }
        }
        Assert.Equal(9, replayed);
    }

    private static Func<Task<string?>> Replay(IConnectorClient client, string serviceUrl, string uri, string body)
    {
        var segments = uri.Split('/', StringSplitOptions.RemoveEmptyEntries); // v3, conversations, {id}, activities, {activityId}
        return segments.Length switch
        {
            2 => async () => (await client.CreateConversationAsync(serviceUrl, Parse<ConversationParameters>(body), CancellationToken.None)).Id,
            4 => async () => (await client.SendToConversationAsync(serviceUrl, Uri.UnescapeDataString(segments[2]), Parse<Activity>(body), CancellationToken.None)).Id,
            5 => async () => (await client.ReplyToActivityAsync(serviceUrl, Uri.UnescapeDataString(segments[2]), Uri.UnescapeDataString(segments[4]), Parse<Activity>(body), CancellationToken.None)).Id,
            _ => throw new InvalidOperationException($"unexpected recorded URI {uri}"),
        };
    }

    private static T Parse<T>(string json) => JsonSerializer.Deserialize<T>(json, BotJson.Options)!;
}
