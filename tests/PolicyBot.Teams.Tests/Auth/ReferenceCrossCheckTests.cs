using Process = System.Diagnostics.Process;
using ProcessStartInfo = System.Diagnostics.ProcessStartInfo;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyBot.Teams.Models;
using PolicyBot.Teams.Tests.Auth.Support;
using PolicyBot.Tests;
using Xunit.Abstractions;

namespace PolicyBot.Teams.Tests.Auth;

/// <summary>
/// Feeds the same tokens and activities to PolicyBot's validator and to botframework-connector@4.23.3
/// (JwtTokenValidation.authenticateRequest), both reading keys from one loopback OpenID/JWKS server.
/// Opt-in: set POLICYBOT_BF_REFERENCE to a node_modules folder (see <see cref="BotFrameworkReferenceFactAttribute"/>).
/// </summary>
public sealed class ReferenceCrossCheckTests(ITestOutputHelper output)
{
    /// <summary>Where PolicyBot is deliberately stricter or more lenient than the SDK: case → PolicyBot's verdict.</summary>
    private static readonly Dictionary<string, bool> KnownDivergences = new(StringComparer.Ordinal)
    {
        ["key without endorsements"] = false, // SDK skips the endorsement check for such keys; the docs require it
        ["activity with empty channelId"] = false, // SDK: "no channel id makes no assertion" and passes
        ["no exp claim"] = false, // jsonwebtoken only checks exp when present; IdentityModel requires it
        ["lower-case bearer scheme"] = true, // RFC 7235 schemes are case-insensitive; the SDK wants exactly "Bearer"
    };

    private static readonly AuthScenario Valid = AuthScenario.Valid;

    private static readonly Dictionary<string, AuthScenario> ExtraCases = new(StringComparer.Ordinal)
    {
        ["alg none with a served kid"] = Valid with { Algorithm = "none" },
        ["HS256 with a served kid"] = Valid with { Algorithm = "HS256" },
        ["RS512 token"] = Valid with { Algorithm = "RS512" },
        ["signed by another key under a served kid"] = Valid with { SigningKey = TestSigningKeys.Rogue },
        ["serviceUrl differs by a trailing slash"] = Valid with { ActivityServiceUrl = AuthScenario.ServiceUrl.TrimEnd('/') },
        ["no serviceurl claim"] = Valid with { ServiceUrlClaim = null },
        ["nbf 10 min ahead"] = Valid with { NotBeforeIn = TimeSpan.FromMinutes(10) },
        ["nbf 4 min ahead (inside skew)"] = Valid with { NotBeforeIn = TimeSpan.FromMinutes(4) },
        ["no kid"] = Valid with { KeyId = null },
        ["Basic scheme"] = Valid with { Scheme = "Basic" },
        ["audience with trailing slash"] = Valid with { Audience = AuthScenario.AppId + "/" },
        ["channel id in other case"] = Valid with { ChannelId = "MSTEAMS" },
        ["key without endorsements"] = Valid with { KeyId = TestSigningKeys.UnendorsedKid, SigningKey = TestSigningKeys.Secondary },
        ["activity with empty channelId"] = Valid with { ChannelId = "" },
        ["no exp claim"] = Valid with { ExpiresIn = null },
        ["lower-case bearer scheme"] = Valid with { Scheme = "bearer" },
    };

    [BotFrameworkReferenceFact]
    public async Task ValidateAsync_SameTokensAsBotframeworkConnector_SameVerdictsExceptKnownDivergences()
    {
        await using var server = await BotFrameworkKeyServer.StartAsync();
        await using var harness = ValidatorHarness.Create(server.MetadataUrl);
        var now = harness.Time.GetUtcNow();
        var scenarios = ChannelTokenCases.Load().Select(c => (c.Name, ChannelTokenCases.SetupFor(c).Scenario))
            .Concat(ExtraCases.Select(e => (e.Key, e.Value)))
            .Select(s => (s.Item1, Header: s.Item2.AuthorizationHeader(now), s.Item2.Activity)).ToList();

        var ours = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (name, header, activity) in scenarios)
            ours[name] = (await harness.Validator.ValidateAsync(header, activity, CancellationToken.None)).Succeeded;
        var reference = await RunReferenceAsync(server.MetadataUrl, scenarios);

        foreach (var (name, _, _) in scenarios)
            output.WriteLine($"{name,-45} policybot={ours[name],-5} reference={reference[name].Accepted,-5} {reference[name].Error}");
        foreach (var (name, _, _) in scenarios)
        {
            if (KnownDivergences.TryGetValue(name, out var expectedOurs))
            {
                Assert.True(ours[name] == expectedOurs && reference[name].Accepted != expectedOurs,
                    $"'{name}' was a known divergence (policybot={expectedOurs}); now policybot={ours[name]}, reference={reference[name].Accepted}");
            }
            else
            {
                Assert.True(ours[name] == reference[name].Accepted,
                    $"'{name}': policybot={ours[name]}, reference={reference[name].Accepted} ({reference[name].Error})");
            }
        }
    }

    private static async Task<Dictionary<string, (bool Accepted, string Error)>> RunReferenceAsync(
        Uri metadataUrl, IEnumerable<(string Name, string? Header, Activity Activity)> scenarios)
    {
        using var temp = new TempDirectory();
        var input = new JsonObject
        {
            ["metadataUrl"] = metadataUrl.ToString(),
            ["appId"] = AuthScenario.AppId,
            ["cases"] = new JsonArray([.. scenarios.Select(s => new JsonObject
            {
                ["name"] = s.Name,
                ["authHeader"] = s.Header,
                ["activity"] = JsonSerializer.SerializeToNode(s.Activity, BotJson.Options),
            })]),
        };
        await File.WriteAllTextAsync(temp.File("input.json"), input.ToJsonString());

        var script = Path.Combine(RepositoryPaths.Root, "tests", "PolicyBot.Teams.Tests", "Auth", "Support", "bf-reference-validate.js");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(temp.File("input.json"));
        start.Environment["NODE_PATH"] = Environment.GetEnvironmentVariable(BotFrameworkReferenceFactAttribute.Variable);
        using var node = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);
        Assert.True(node.ExitCode == 0, $"node exited with {node.ExitCode}: {await stderr}");

        using var results = JsonDocument.Parse(await stdout);
        return results.RootElement.EnumerateArray().ToDictionary(
            r => r.GetProperty("name").GetString()!,
            r => (r.GetProperty("accepted").GetBoolean(), r.GetProperty("error").GetString() ?? ""));
    }
}
