using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Discord.Interactions;
using PolicyBot.Discord.Tests.Interactions.Fakes;

namespace PolicyBot.Discord.Tests.Interactions;

/// <summary>The interactions endpoint on a real Kestrel server at 127.0.0.1, with a fake clock, handler and follow-up.</summary>
public sealed class InteractionServer : IAsyncDisposable
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private InteractionServer(WebApplication app, Uri address, FakeTimeProvider time)
    {
        _app = app;
        Time = time;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    public FakeTimeProvider Time { get; }

    public FakeInteractionHandler Handler => _app.Services.GetRequiredService<FakeInteractionHandler>();

    public RecordingFollowUp FollowUp => _app.Services.GetRequiredService<RecordingFollowUp>();

    public string Now => Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<InteractionServer> StartAsync(DateTimeOffset? now = null, string publicKeyHex = TestSigner.PublicKeyHex,
        Action<DiscordInteractionOptions>? configure = null)
    {
        var time = new FakeTimeProvider(now ?? DefaultNow);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.Configure<DiscordOptions>(o => o.PublicKey = publicKeyHex);
        builder.Services.Configure<DiscordInteractionOptions>(o => configure?.Invoke(o));
        builder.Services.AddDiscordInteractions();
        builder.Services.AddSingleton<FakeInteractionHandler>();
        builder.Services.AddSingleton<IInteractionHandler>(sp => sp.GetRequiredService<FakeInteractionHandler>());
        builder.Services.AddSingleton<RecordingFollowUp>();
        builder.Services.AddSingleton<IInteractionFollowUp>(sp => sp.GetRequiredService<RecordingFollowUp>());

        var app = builder.Build();
        app.MapDiscordInteractions();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InteractionServer(app, new Uri(address), time);
    }

    /// <summary>POSTs the exact bytes with the given headers (null: header left out).</summary>
    public Task<HttpResponseMessage> PostAsync(byte[] body, string? signature, string? timestamp, string path = "/discord/interactions")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null) request.Headers.TryAddWithoutValidation(InteractionEndpoint.SignatureHeader, signature);
        if (timestamp is not null) request.Headers.TryAddWithoutValidation(InteractionEndpoint.TimestampHeader, timestamp);
        return Client.SendAsync(request);
    }

    /// <summary>Signs <paramref name="body"/> with the test key at the server's current (fake) time and POSTs it.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(byte[] body)
    {
        var timestamp = Now;
        return PostAsync(body, TestSigner.Sign(timestamp, body), timestamp);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
