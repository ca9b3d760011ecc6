using PolicyBot.Discord.Interactions;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Tests.Interactions.Fakes;

/// <summary>Answers with <see cref="Respond"/>; <see cref="Started"/> completes when the first interaction arrives.</summary>
public sealed class FakeInteractionHandler : IInteractionHandler
{
    private readonly TaskCompletionSource<Interaction> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<Interaction, CancellationToken, Task<InteractionResponse>> Respond { get; set; } =
        (interaction, _) => Task.FromResult(Answer("answer to " + interaction.Data?.Name));

    public Task<Interaction> Started => _started.Task;

    public CancellationToken LastToken { get; private set; }

    public static InteractionResponse Answer(string content) =>
        new(InteractionCallbackType.ChannelMessageWithSource, new MessagePayload { Content = content });

    public Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        LastToken = cancellationToken;
        _started.TrySetResult(interaction);
        return Respond(interaction, cancellationToken);
    }
}
