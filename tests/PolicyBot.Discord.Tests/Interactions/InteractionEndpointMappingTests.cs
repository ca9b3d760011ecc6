using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyBot.Discord.Interactions;
using PolicyBot.Discord.Tests.Interactions.Fakes;

namespace PolicyBot.Discord.Tests.Interactions;

public sealed class InteractionEndpointMappingTests
{
    [Fact]
    public async Task MapDiscordInteractions_NoPublicKey_MapsNothing()
    {
        await using var app = Build(publicKey: null);
        app.MapDiscordInteractions();
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = Address(app) };

        using var response = await client.PostAsync("/discord/interactions", new ByteArrayContent(TestPayloads.Ping));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await app.StopAsync();
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f70751")]
    public async Task MapDiscordInteractions_InvalidPublicKey_FailsAtStartupNamingTheSetting(string publicKey)
    {
        await using var app = Build(publicKey);

        var ex = Record.Exception(() => app.MapDiscordInteractions());

        Assert.NotNull(ex);
        Assert.Contains("Discord:PublicKey", ex.Message);
    }

    [Fact]
    public async Task MapDiscordInteractions_WithoutRegistration_FailsWithHint()
    {
        var builder = WebApplication.CreateSlimBuilder();
        await using var app = builder.Build();

        var ex = Assert.Throws<InvalidOperationException>(() => app.MapDiscordInteractions());

        Assert.Contains("AddDiscordInteractions", ex.Message);
    }

    [Fact]
    public async Task MapDiscordInteractions_CustomPattern_ServesThere()
    {
        await using var app = Build(TestSigner.PublicKeyHex);
        app.MapDiscordInteractions("/custom");
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = Address(app) };
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/custom") { Content = new ByteArrayContent(TestPayloads.Ping) };
        request.Headers.Add(InteractionEndpoint.SignatureHeader, TestSigner.Sign(timestamp, TestPayloads.Ping));
        request.Headers.Add(InteractionEndpoint.TimestampHeader, timestamp);

        using var response = await client.SendAsync(request);

        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
        await app.StopAsync();
    }

    private static WebApplication Build(string? publicKey)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<DiscordOptions>(o => o.PublicKey = publicKey);
        builder.Services.AddDiscordInteractions();
        builder.Services.AddSingleton<IInteractionHandler, FakeInteractionHandler>();
        builder.Services.AddSingleton<IInteractionFollowUp, RecordingFollowUp>();
        return builder.Build();
    }

    private static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
