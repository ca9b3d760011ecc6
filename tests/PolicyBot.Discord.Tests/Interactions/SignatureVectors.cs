using System.Text.Json;
using PolicyBot.Tests;

namespace PolicyBot.Discord.Tests.Interactions;

/// <summary>../shared/fixtures/discord/interactions/signature_test_vectors.json.</summary>
public sealed record SignatureVectors(string PublicKeyHex, string PrivateSeedHex, IReadOnlyList<SignatureVector> Cases)
{
    public static SignatureVectors Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path()));
        var root = json.RootElement;
        var key = root.GetProperty("test_only_key");
        var cases = root.GetProperty("cases").EnumerateArray().Select(c => new SignatureVector(
            c.GetProperty("name").GetString()!,
            c.GetProperty("timestamp").GetString()!,
            c.GetProperty("body").GetString()!,
            c.GetProperty("signature").GetString()!,
            c.GetProperty("expect_valid").GetBoolean(),
            c.GetProperty("expect_http_status").GetInt32())).ToList();
        return new SignatureVectors(key.GetProperty("public_key_hex").GetString()!, key.GetProperty("private_seed_hex").GetString()!, cases);
    }

    public static string Path() => RepositoryPaths.SharedFile("fixtures", "discord", "interactions", "signature_test_vectors.json");
}

public sealed record SignatureVector(string Name, string Timestamp, string Body, string Signature, bool ExpectValid, int ExpectHttpStatus)
{
    public long UnixSeconds => long.Parse(Timestamp, System.Globalization.CultureInfo.InvariantCulture);
}
