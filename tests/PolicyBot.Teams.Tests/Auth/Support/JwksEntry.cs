using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace PolicyBot.Teams.Tests.Auth.Support;

/// <summary>One key of the served JWKS, shaped like fixtures/botframework/auth/jwks_with_endorsements.synthetic.json.</summary>
internal sealed record JwksEntry(string Kid, RSA Rsa, string[]? Endorsements)
{
    public JsonObject ToJson()
    {
        var parameters = Rsa.ExportParameters(includePrivateParameters: false);
        var json = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["x5t"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null) json["endorsements"] = new JsonArray([.. Endorsements.Select(e => JsonValue.Create(e))]);
        return json;
    }
}
