using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyBot.Teams.Auth;
using PolicyBot.Tests;

namespace PolicyBot.Teams.Tests.Auth.Support;

/// <summary>One case of fixtures/botframework/auth/channel_token_validation_cases.json.</summary>
public sealed record ChannelTokenCase(
    string Name,
    [property: JsonPropertyName("expect_accept")] bool ExpectAccept,
    [property: JsonPropertyName("reference_accepted")] bool ReferenceAccepted,
    [property: JsonPropertyName("reference_error")] string ReferenceError,
    string Setup);

/// <summary>Loads the shared cases and turns each case's <c>setup</c> text into an <see cref="AuthScenario"/>.</summary>
internal static class ChannelTokenCases
{
    /// <summary>Case name → the scenario its setup describes, and the reason PolicyBot should give when it rejects.</summary>
    public static IReadOnlyDictionary<string, (AuthScenario Scenario, TokenFailureReason? Reason)> Setups { get; } =
        new Dictionary<string, (AuthScenario, TokenFailureReason?)>(StringComparer.Ordinal)
        {
            ["valid token"] = (AuthScenario.Valid, null),
            ["wrong audience"] = (AuthScenario.Valid with { Audience = "someone-else" }, TokenFailureReason.InvalidAudience),
            ["wrong issuer"] = (AuthScenario.Valid with { Issuer = "https://evil.example" }, TokenFailureReason.InvalidIssuer),
            ["serviceUrl claim mismatch"] = (AuthScenario.Valid with { ActivityServiceUrl = "https://smba.trafficmanager.net/emea/" }, TokenFailureReason.ServiceUrlMismatch),
            ["channel not endorsed by key"] = (AuthScenario.Valid with { ChannelId = "slack" }, TokenFailureReason.ChannelNotEndorsed),
            ["expired 10 min ago"] = (AuthScenario.Valid with { ExpiresIn = TimeSpan.FromSeconds(-600) }, TokenFailureReason.Expired),
            ["expired 2 min ago (inside 5 min skew)"] = (AuthScenario.Valid with { ExpiresIn = TimeSpan.FromSeconds(-120) }, null),
            ["unknown kid"] = (AuthScenario.Valid with { KeyId = "kid-not-in-jwks" }, TokenFailureReason.UnknownSigningKey),
            ["missing header"] = (AuthScenario.Valid with { Scheme = null }, TokenFailureReason.MissingHeader),
            ["camelCase serviceUrl claim only"] = (AuthScenario.Valid with { ServiceUrlClaimName = "serviceUrl" }, TokenFailureReason.ServiceUrlMismatch),
            ["RS384 token"] = (AuthScenario.Valid with { Algorithm = "RS384" }, null),
            ["HS256 token"] = (AuthScenario.Valid with { Algorithm = "HS256" }, TokenFailureReason.AlgorithmNotAllowed),
        };

    public static IReadOnlyList<ChannelTokenCase> Load()
    {
        var path = RepositoryPaths.SharedFile("fixtures", "botframework", "auth", "channel_token_validation_cases.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("cases").Deserialize<List<ChannelTokenCase>>(JsonSerializerOptions.Web)
            ?? throw new InvalidDataException(path + " has no cases");
    }

    public static ChannelTokenCase Find(string name) => Load().SingleOrDefault(c => c.Name == name)
        ?? throw new InvalidOperationException($"No case named '{name}' in channel_token_validation_cases.json");

    /// <summary>The scenario for a case; fails loudly for a case the file gained that nobody mapped yet.</summary>
    public static (AuthScenario Scenario, TokenFailureReason? Reason) SetupFor(ChannelTokenCase c) =>
        Setups.TryGetValue(c.Name, out var setup) ? setup
            : throw new InvalidOperationException(
                $"channel_token_validation_cases.json has a case this test does not know: '{c.Name}' (setup: {c.Setup}). Map it in {nameof(ChannelTokenCases)}.{nameof(Setups)}.");
}
