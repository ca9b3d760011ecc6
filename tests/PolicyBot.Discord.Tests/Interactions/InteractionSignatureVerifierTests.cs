using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Discord.Interactions;
using PolicyBot.Discord.Tests.Interactions.Fakes;
using PolicyBot.Tests;

namespace PolicyBot.Discord.Tests.Interactions;

public sealed class InteractionSignatureVerifierTests
{
    private static readonly DateTimeOffset VectorTime = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [SharedFact]
    public void Verify_SharedVectors_GiveExpectedVerdicts()
    {
        var vectors = SignatureVectors.Load();
        Assert.Equal(12, vectors.Cases.Count);
        Assert.Equal(TestSigner.PublicKeyHex, vectors.PublicKeyHex);
        var verifier = new InteractionSignatureVerifier(vectors.PublicKeyHex);

        var wrong = vectors.Cases
            .Where(c => verifier.Verify(c.Signature, c.Timestamp, Encoding.UTF8.GetBytes(c.Body)) != c.ExpectValid)
            .Select(c => c.Name).ToList();

        Assert.Empty(wrong);
    }

    [SharedFact]
    public void Check_SharedVectorsWithClockAtVectorTime_GiveExpectedVerdicts()
    {
        var vectors = SignatureVectors.Load();
        var verifier = new InteractionSignatureVerifier(vectors.PublicKeyHex, new FakeTimeProvider(VectorTime.AddSeconds(30)));

        var wrong = vectors.Cases
            .Where(c => (verifier.Check(c.Signature, c.Timestamp, Encoding.UTF8.GetBytes(c.Body)) == SignatureVerdict.Valid) != c.ExpectValid)
            .Select(c => c.Name).ToList();

        Assert.Empty(wrong);
    }

    [SharedFact]
    public void Check_ValidSharedVectorsToday_AreStale()
    {
        var vectors = SignatureVectors.Load();
        var verifier = new InteractionSignatureVerifier(vectors.PublicKeyHex, new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.All(vectors.Cases.Where(c => c.ExpectValid), c =>
            Assert.Equal(SignatureVerdict.StaleTimestamp, verifier.Check(c.Signature, c.Timestamp, Encoding.UTF8.GetBytes(c.Body))));
    }

    [Fact]
    public void Verify_UppercaseHexSignature_IsAccepted()
    {
        var body = TestPayloads.Ping;
        var signature = TestSigner.Sign("1700000000", body).ToUpperInvariant();

        Assert.True(new InteractionSignatureVerifier(TestSigner.PublicKeyHex).Verify(signature, "1700000000", body));
    }

    [Fact]
    public void Verify_BodyLargerThanStackBuffer_ChecksEveryByte()
    {
        var body = Encoding.UTF8.GetBytes("{\"type\":2,\"pad\":\"" + new string('x', 100_000) + "\"}");
        var signature = TestSigner.Sign("1700000000", body);
        var verifier = new InteractionSignatureVerifier(TestSigner.PublicKeyHex);

        Assert.True(verifier.Verify(signature, "1700000000", body));
        body[50_000] = (byte)'y';
        Assert.False(verifier.Verify(signature, "1700000000", body));
    }

    [Theory]
    [InlineData(null, "1700000000")]
    [InlineData("", "1700000000")]
    [InlineData("00", "1700000000")]
    [InlineData("not hex at all", "1700000000")]
    [InlineData(ValidPingSignature + "00", "1700000000")]
    [InlineData(ValidPingSignature, null)]
    [InlineData(ValidPingSignature, "")]
    [InlineData(ValidPingSignature, "17000000001700000000170000000017000000001700000000")]
    public void Verify_MissingOrMalformedValues_ReturnsFalseWithoutThrowing(string? signature, string? timestamp)
    {
        var verifier = new InteractionSignatureVerifier(TestSigner.PublicKeyHex);

        Assert.False(verifier.Verify(signature, timestamp, TestPayloads.Ping));
    }

    [Fact]
    public void Verify_SignatureOfPingAtVectorTime_IsAccepted() =>
        Assert.True(new InteractionSignatureVerifier(TestSigner.PublicKeyHex).Verify(ValidPingSignature, "1700000000", TestPayloads.Ping));

    [Theory]
    [InlineData(0, true)]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    public void IsTimestampFresh_OffsetFromNow_AcceptsOnlyWithinSkew(int offsetSeconds, bool fresh)
    {
        var verifier = new InteractionSignatureVerifier(TestSigner.PublicKeyHex, new FakeTimeProvider(VectorTime), maxTimestampSkewSeconds: 300);
        var timestamp = (1_700_000_000L + offsetSeconds).ToString(CultureInfo.InvariantCulture);

        Assert.Equal(fresh, verifier.IsTimestampFresh(timestamp));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1700000000")]
    [InlineData(" 1700000000")]
    [InlineData("1700000000.5")]
    [InlineData("1.7e9")]
    [InlineData("2023-11-14T22:13:20Z")]
    [InlineData("99999999999999999999999")]
    public void IsTimestampFresh_NotUnixSeconds_IsRejected(string? timestamp)
    {
        var verifier = new InteractionSignatureVerifier(TestSigner.PublicKeyHex, new FakeTimeProvider(VectorTime));

        Assert.False(verifier.IsTimestampFresh(timestamp));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("d75a980182b10ab7")]
    [InlineData("zz5a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")]
    [InlineData("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a00")]
    public void Constructor_InvalidPublicKey_ThrowsNamingTheSetting(string? publicKeyHex)
    {
        var ex = Assert.Throws<ArgumentException>(() => new InteractionSignatureVerifier(publicKeyHex));

        Assert.Contains("Discord:PublicKey", ex.Message);
        Assert.False(InteractionSignatureVerifier.IsValidPublicKey(publicKeyHex));
    }

    [Fact]
    public void Constructor_KeyWithSurroundingWhitespaceOrUppercase_IsAccepted()
    {
        Assert.True(InteractionSignatureVerifier.IsValidPublicKey(" " + TestSigner.PublicKeyHex.ToUpperInvariant() + "\n"));
    }

    /// <summary>The "valid PING (minified)" vector's signature, over exactly <see cref="TestPayloads.Ping"/>.</summary>
    private const string ValidPingSignature =
        "2c2f224c5e72301039031d093d46fabee3f483487ba4751e8db6c1d3e2289754d76afd2424b9305c7aa4b3708211b9e8c8e3a1142291123bee5f99442a141c0e";
}
