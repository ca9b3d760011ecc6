using System.Threading.Channels;
using PolicyBot.Discord.Gateway;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Tests.Gateway.Fakes;

/// <summary>Collects the events the client hands over; <see cref="BeforeMessage"/> lets a test throw or block.</summary>
internal sealed class RecordingHandler : IGatewayEventHandler
{
    public Channel<ReadyData> Readies { get; } = Channel.CreateUnbounded<ReadyData>();

    public Channel<DiscordMessage> Messages { get; } = Channel.CreateUnbounded<DiscordMessage>();

    public Channel<Interaction> Interactions { get; } = Channel.CreateUnbounded<Interaction>();

    public Func<DiscordMessage, CancellationToken, Task>? BeforeMessage { get; init; }

    public Task OnReadyAsync(ReadyData ready, CancellationToken cancellationToken) => Record(Readies, ready);

    public async Task OnMessageCreateAsync(DiscordMessage message, CancellationToken cancellationToken)
    {
        if (BeforeMessage is { } before) await before(message, cancellationToken);
        await Record(Messages, message);
    }

    public Task OnInteractionCreateAsync(Interaction interaction, CancellationToken cancellationToken) => Record(Interactions, interaction);

    private static Task Record<T>(Channel<T> channel, T item)
    {
        channel.Writer.TryWrite(item);
        return Task.CompletedTask;
    }
}

internal static class ChannelWaits
{
    /// <summary>The next item, or a TimeoutException after <see cref="FakeGateway.Timeout"/>.</summary>
    public static async Task<T> NextAsync<T>(this Channel<T> channel) => await channel.Reader.ReadAsync().AsTask().WaitAsync(FakeGateway.Timeout);
}
