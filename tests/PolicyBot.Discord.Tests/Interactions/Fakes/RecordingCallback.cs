using PolicyBot.Discord.Interactions;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Tests.Interactions.Fakes;

/// <summary>Records gateway callbacks; <see cref="Gate"/>, when set, holds each callback until the test releases it.</summary>
public sealed class RecordingCallback : IInteractionCallback
{
    private readonly TaskCompletionSource<InteractionResponse> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<InteractionResponse> Responses { get; } = [];

    public Task<InteractionResponse> FirstResponse => _first.Task;

    public TaskCompletionSource? Gate { get; set; }

    public async Task RespondAsync(Interaction interaction, InteractionResponse response, CancellationToken cancellationToken)
    {
        lock (Responses) Responses.Add(response);
        _first.TrySetResult(response);
        if (Gate is not null) await Gate.Task.WaitAsync(cancellationToken);
    }
}
