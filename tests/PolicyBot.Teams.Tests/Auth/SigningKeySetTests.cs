using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;
using PolicyBot.Teams.Auth;
using PolicyBot.Teams.Tests.Auth.Support;
using PolicyBot.Tests;

namespace PolicyBot.Teams.Tests.Auth;

public sealed class SigningKeySetTests
{
    private static readonly Uri Source = new("https://login.botframework.com/v1/.well-known/keys");

    [SharedFact]
    public void Parse_SyntheticBotFrameworkJwks_ReadsRsaKeyAndEndorsements()
    {
        var json = File.ReadAllText(RepositoryPaths.SharedFile("fixtures", "botframework", "auth", "jwks_with_endorsements.synthetic.json"));

        var keys = SigningKeySet.Parse(JsonDocument.Parse(json).RootElement, Source, NullLogger.Instance);

        Assert.Equal(1, keys.Count);
        Assert.True(keys.TryGet("TEST-ONLY-kid-1", out var key));
        Assert.Equal(["directline", "msteams", "webchat"], key.Endorsements.Order());
        Assert.Equal(2048, Assert.IsType<RsaSecurityKey>(key.Key).KeySize);
    }

    [Fact]
    public void Parse_UnusableEntries_AreSkippedAndTheRestKept()
    {
        var good = new JwksEntry("good", TestSigningKeys.Primary, ["msteams"]).ToJson();
        var duplicate = new JwksEntry("good", TestSigningKeys.Secondary, ["slack"]).ToJson();
        var encryption = new JwksEntry("enc", TestSigningKeys.Primary, null).ToJson();
        encryption["use"] = "enc";
        var json = $$"""
            {"keys":[
              {{good.ToJsonString()}},
              {{duplicate.ToJsonString()}},
              {{encryption.ToJsonString()}},
              {"kty":"EC","kid":"ec","crv":"P-256","x":"AA","y":"AA"},
              {"kty":"RSA","n":"AQAB","e":"AQAB"},
              {"kty":"RSA","kid":"no-modulus","e":"AQAB"},
              {"kty":"RSA","kid":"bad-base64","n":"%%%","e":"AQAB"},
              "not an object"
            ]}
            """;

        var keys = SigningKeySet.Parse(JsonDocument.Parse(json).RootElement, Source, NullLogger.Instance);

        Assert.Equal(1, keys.Count);
        Assert.True(keys.TryGet("good", out var key));
        Assert.Equal(["msteams"], key.Endorsements); // the first of duplicate kids wins
    }

    [Theory]
    [InlineData("""{"keys":[]}""")]
    [InlineData("""{"keys":[{"kty":"EC","kid":"ec"}]}""")]
    [InlineData("""{"value":[]}""")]
    [InlineData("""[]""")]
    public void Parse_NoUsableKey_ThrowsInvalidData(string json)
    {
        Assert.Throws<InvalidDataException>(() => SigningKeySet.Parse(JsonDocument.Parse(json).RootElement, Source, NullLogger.Instance));
    }

    [Fact]
    public void Parse_EndorsementsNotAnArray_TreatedAsNone()
    {
        var entry = new JwksEntry("k", TestSigningKeys.Primary, null).ToJson();
        entry["endorsements"] = "msteams";

        var keys = SigningKeySet.Parse(JsonDocument.Parse($$"""{"keys":[{{entry.ToJsonString()}}]}""").RootElement, Source, NullLogger.Instance);

        Assert.True(keys.TryGet("k", out var key));
        Assert.Empty(key.Endorsements);
    }
}
