using PolicyBot.Discord.Interactions;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Tests.Interactions.Fakes;

public sealed class RecordingFollowUp : IInteractionFollowUp
{
    private readonly TaskCompletionSource<(Interaction Interaction, MessagePayload Payload)> _first =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<(Interaction Interaction, MessagePayload Payload)> Edits { get; } = [];

    public Task<(Interaction Interaction, MessagePayload Payload)> FirstEdit => _first.Task;

    public Exception? Throw { get; set; }

    public Task EditOriginalAsync(Interaction interaction, MessagePayload payload, CancellationToken cancellationToken)
    {
        lock (Edits) Edits.Add((interaction, payload));
        _first.TrySetResult((interaction, payload));
        return Throw is null ? Task.CompletedTask : Task.FromException(Throw);
    }
}
