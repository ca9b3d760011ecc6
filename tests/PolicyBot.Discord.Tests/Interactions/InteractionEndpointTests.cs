using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using PolicyBot.Discord.Models;
using PolicyBot.Discord.Tests.Interactions.Fakes;
using PolicyBot.Tests;
using static PolicyBot.Discord.Tests.Interactions.TestPayloads;

namespace PolicyBot.Discord.Tests.Interactions;

public sealed class InteractionEndpointTests
{
    [Fact]
    public async Task Post_SignedPing_Returns200Pong()
    {
        await using var server = await InteractionServer.StartAsync();

        using var response = await server.PostSignedAsync(Ping);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_TamperedBody_Returns401WithEmptyBody()
    {
        await using var server = await InteractionServer.StartAsync();
        var signature = TestSigner.Sign(server.Now, Ping);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Ping).Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal));

        using var response = await server.PostAsync(tampered, signature, server.Now);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_TamperedTimestamp_Returns401()
    {
        await using var server = await InteractionServer.StartAsync();
        var signature = TestSigner.Sign(server.Now, Ping);
        var otherTimestamp = (server.Time.GetUtcNow().ToUnixTimeSeconds() + 1).ToString(CultureInfo.InvariantCulture);

        using var response = await server.PostAsync(Ping, signature, otherTimestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_SignedWithOtherKey_Returns401()
    {
        await using var server = await InteractionServer.StartAsync();

        using var response = await server.PostAsync(Ping, TestSigner.Sign(server.Now, Ping, TestSigner.OtherSeedHex), server.Now);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public async Task Post_MissingHeader_Returns401(bool withSignature, bool withTimestamp)
    {
        await using var server = await InteractionServer.StartAsync();
        var signature = TestSigner.Sign(server.Now, Ping);

        using var response = await server.PostAsync(Ping, withSignature ? signature : null, withTimestamp ? server.Now : null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("zz")]
    [InlineData("0123")]
    [InlineData("not-hex-not-hex-not-hex")]
    public async Task Post_MalformedSignatureHex_Returns401(string prefix)
    {
        await using var server = await InteractionServer.StartAsync();
        var signature = TestSigner.Sign(server.Now, Ping);
        var malformed = prefix + signature[Math.Min(prefix.Length, 2)..];

        using var response = await server.PostAsync(Ping, malformed, server.Now);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task Post_TimestampOutsideSkew_Returns401EvenWhenSigned(int offsetSeconds)
    {
        await using var server = await InteractionServer.StartAsync();
        var timestamp = (server.Time.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds).ToString(CultureInfo.InvariantCulture);

        using var response = await server.PostAsync(Ping, TestSigner.Sign(timestamp, Ping), timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"type\":1")]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("{\"id\":\"1\",\"type\":\"ping\"}")]
    public async Task Post_SignedBodyThatIsNotAnInteraction_Returns400(string body)
    {
        await using var server = await InteractionServer.StartAsync();

        using var response = await server.PostSignedAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_SignedAutocomplete_Returns400WithoutCallingHandler()
    {
        await using var server = await InteractionServer.StartAsync();

        using var response = await server.PostSignedAsync(Autocomplete);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(server.Handler.Started.IsCompleted);
    }

    [Fact]
    public async Task Post_BodyOverLimit_Returns413()
    {
        await using var server = await InteractionServer.StartAsync(configure: o => o.MaxBodyBytes = 1024);
        var body = Encoding.UTF8.GetBytes("{\"type\":1,\"pad\":\"" + new string('x', 2048) + "\"}");

        using var response = await server.PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_FastHandler_ReturnsType4WithItsData()
    {
        await using var server = await InteractionServer.StartAsync();
        server.Handler.Respond = (interaction, _) => Task.FromResult(FakeInteractionHandler.Answer(
            $"{interaction.InvokingUser?.Id} asked: {interaction.Data?.Option("question")}"));

        using var response = await server.PostSignedAsync(Command);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = DiscordJson.Deserialize<InteractionResponse>(await response.Content.ReadAsStringAsync());
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, body.Type);
        Assert.Equal("53908232506183680 asked: How long is the battery warranty?", body.Data?.Content);
        Assert.Empty(server.FollowUp.Edits);
    }

    [Fact]
    public async Task Post_SlowCommandHandler_ReturnsType5ThenEditsOriginalWithTheAnswer()
    {
        await using var server = await InteractionServer.StartAsync(configure: o => o.ResponseBudget = TimeSpan.FromSeconds(2));
        var answer = new TaskCompletionSource<InteractionResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Handler.Respond = (_, _) => answer.Task;

        var post = server.PostSignedAsync(Command);
        await server.Handler.Started.WaitAsync(WaitLimit);
        server.Time.Advance(TimeSpan.FromSeconds(2));
        using var response = await post.WaitAsync(WaitLimit);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"type":5}""", await response.Content.ReadAsStringAsync());
        Assert.Empty(server.FollowUp.Edits);
        Assert.False(server.Handler.LastToken.IsCancellationRequested);

        answer.SetResult(FakeInteractionHandler.Answer("The warranty lasts 8 years [1]."));
        var (interaction, payload) = await server.FollowUp.FirstEdit.WaitAsync(WaitLimit);

        Assert.Equal("The warranty lasts 8 years [1].", payload.Content);
        Assert.Equal("COMMAND_TOKEN", interaction.Token);
        Assert.Equal("775799577604522054", interaction.ApplicationId);
    }

    [Fact]
    public async Task Post_SlowComponentHandler_ReturnsType6ThenEditsOriginal()
    {
        await using var server = await InteractionServer.StartAsync(configure: o => o.ResponseBudget = TimeSpan.FromMilliseconds(500));
        var answer = new TaskCompletionSource<InteractionResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Handler.Respond = (_, _) => answer.Task;

        var post = server.PostSignedAsync(Component);
        await server.Handler.Started.WaitAsync(WaitLimit);
        server.Time.Advance(TimeSpan.FromMilliseconds(500));
        using var response = await post.WaitAsync(WaitLimit);
        answer.SetResult(new InteractionResponse(InteractionCallbackType.UpdateMessage, new MessagePayload { Content = "Sources: [1] Warranty policy" }));
        var (interaction, payload) = await server.FollowUp.FirstEdit.WaitAsync(WaitLimit);

        Assert.Equal("""{"type":6}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("COMPONENT_TOKEN", interaction.Token);
        Assert.Equal("Sources: [1] Warranty policy", payload.Content);
    }

    [Fact]
    public async Task Post_HandlerThrowsQuickly_ReturnsEphemeralGenericError()
    {
        await using var server = await InteractionServer.StartAsync();
        server.Handler.Respond = (_, _) => throw new InvalidOperationException("secret stack detail");

        using var response = await server.PostSignedAsync(Command);

        var text = await response.Content.ReadAsStringAsync();
        var body = DiscordJson.Deserialize<InteractionResponse>(text);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, body.Type);
        Assert.Equal(64, body.Data?.Flags);
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
    }

    [SharedFact]
    public async Task Post_SharedVectorsWithClockAtVectorTime_ReturnExpectedStatus()
    {
        var vectors = SignatureVectors.Load();
        await using var server = await InteractionServer.StartAsync(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), vectors.PublicKeyHex);

        var wrong = new List<string>();
        foreach (var vector in vectors.Cases)
        {
            using var response = await server.PostAsync(Encoding.UTF8.GetBytes(vector.Body),
                vector.Signature.Length == 0 ? null : vector.Signature, vector.Timestamp);
            if ((int)response.StatusCode != vector.ExpectHttpStatus) wrong.Add($"{vector.Name}: {(int)response.StatusCode}");
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Post_PrettyPrintedBodySignedAsIs_IsAccepted()
    {
        await using var server = await InteractionServer.StartAsync();
        using var document = JsonDocument.Parse(Command);
        var pretty = JsonSerializer.SerializeToUtf8Bytes(document.RootElement, new JsonSerializerOptions { WriteIndented = true });

        using var response = await server.PostSignedAsync([.. pretty, (byte)'\n']);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ask", (await server.Handler.Started).Data?.Name);
    }
}
