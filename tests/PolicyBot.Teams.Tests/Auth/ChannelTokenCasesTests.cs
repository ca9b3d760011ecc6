using PolicyBot.Teams.Tests.Auth.Support;
using PolicyBot.Tests;

namespace PolicyBot.Teams.Tests.Auth;

/// <summary>The shared Bot Framework channel-token cases, each run against a real Kestrel OpenID/JWKS server.</summary>
public sealed class ChannelTokenCasesTests
{
    public static TheoryData<string> CaseNames()
    {
        if (RepositoryPaths.Shared is null) return ["(../shared missing: the theory is skipped)"];
        return [.. ChannelTokenCases.Load().Select(c => c.Name)];
    }

    [SharedTheory]
    [MemberData(nameof(CaseNames))]
    public async Task ValidateAsync_SharedCase_GivesExpectedVerdict(string caseName)
    {
        var fixtureCase = ChannelTokenCases.Find(caseName);
        var (scenario, reason) = ChannelTokenCases.SetupFor(fixtureCase);
        await using var server = await BotFrameworkKeyServer.StartAsync();
        await using var harness = ValidatorHarness.Create(server.MetadataUrl);

        var outcome = await harness.ValidateAsync(scenario);

        Assert.True(fixtureCase.ExpectAccept == outcome.Succeeded,
            $"'{caseName}': expected accept={fixtureCase.ExpectAccept}, got {outcome.Failure}: {outcome.Detail}");
        Assert.Equal(reason, outcome.Failure);
    }

    [SharedFact]
    public void CasesFile_EveryCaseIsMapped_AndReferenceAgreesWithTheRules()
    {
        var cases = ChannelTokenCases.Load();

        Assert.Equal(12, cases.Count);
        Assert.All(cases, c => ChannelTokenCases.SetupFor(c));
        Assert.All(cases, c => Assert.Equal(c.ExpectAccept, c.ReferenceAccepted));
        Assert.Equal(ChannelTokenCases.Setups.Keys.Order(), cases.Select(c => c.Name).Order());
        Assert.All(cases, c => Assert.Equal(c.ExpectAccept, ChannelTokenCases.Setups[c.Name].Reason is null));
    }
}
