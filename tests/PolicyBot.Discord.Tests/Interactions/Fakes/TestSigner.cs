using System.Text;
using NSec.Cryptography;

namespace PolicyBot.Discord.Tests.Interactions.Fakes;

/// <summary>Signs like Discord, with the public RFC 8032 §7.1 TEST 1 key pair (test only).</summary>
public static class TestSigner
{
    public const string PublicKeyHex = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    public const string PrivateSeedHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    /// <summary>RFC 8032 §7.1 TEST 2: any other key.</summary>
    public const string OtherSeedHex = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";

    public static string Sign(string timestamp, ReadOnlySpan<byte> body, string seedHex = PrivateSeedHex)
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(seedHex), KeyBlobFormat.RawPrivateKey);
        byte[] message = [.. Encoding.UTF8.GetBytes(timestamp), .. body];
        return Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, message));
    }
}
