using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Discord.Interactions;
using PolicyBot.Discord.Models;
using PolicyBot.Discord.Tests.Interactions.Fakes;
using static PolicyBot.Discord.Tests.Interactions.TestPayloads;

namespace PolicyBot.Discord.Tests.Interactions;

public sealed class InteractionDispatcherTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    private readonly FakeTimeProvider _time = new(InteractionServer.DefaultNow);
    private readonly FakeInteractionHandler _handler = new();
    private readonly RecordingFollowUp _followUp = new();
    private readonly List<InteractionResponse> _responses = [];

    private InteractionDispatcher Dispatcher() => new(_handler, _followUp,
        Options.Create(new DiscordInteractionOptions { ResponseBudget = Budget }), _time, NullLogger<InteractionDispatcher>.Instance);

    private static Interaction Parse(byte[] body) => InteractionJson.TryParse(body)!;

    private Task Record(InteractionResponse response)
    {
        lock (_responses) _responses.Add(response);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task DispatchAsync_DeferredAnswerReadyBeforeInitialResponseSent_EditsOnlyAfterwards()
    {
        var answer = new TaskCompletionSource<InteractionResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Respond = (_, _) => answer.Task;
        var sending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var dispatch = Dispatcher().DispatchAsync(Parse(Command), async (response, ct) =>
        {
            await Record(response);
            sending.SetResult();
            await release.Task;
        }, CancellationToken.None);
        await _handler.Started.WaitAsync(WaitLimit);
        _time.Advance(Budget);
        await sending.Task.WaitAsync(WaitLimit);
        answer.SetResult(FakeInteractionHandler.Answer("done"));
        await Task.Delay(100);

        Assert.Empty(_followUp.Edits);
        release.SetResult();
        Assert.True(await dispatch.WaitAsync(WaitLimit));
        Assert.Equal("done", (await _followUp.FirstEdit.WaitAsync(WaitLimit)).Payload.Content);
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, Assert.Single(_responses).Type);
    }

    [Fact]
    public async Task DispatchAsync_SlowCommandHandlerFails_EditsOriginalWithGenericError()
    {
        var answer = new TaskCompletionSource<InteractionResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Respond = (_, _) => answer.Task;

        var dispatch = Dispatcher().DispatchAsync(Parse(Command), (r, _) => Record(r), CancellationToken.None);
        await _handler.Started.WaitAsync(WaitLimit);
        _time.Advance(Budget);
        await dispatch.WaitAsync(WaitLimit);
        answer.SetException(new InvalidOperationException("model endpoint down"));
        var (_, payload) = await _followUp.FirstEdit.WaitAsync(WaitLimit);

        Assert.Equal(new DiscordInteractionOptions().ErrorMessage, payload.Content);
        Assert.Equal(AllowedMentions.None, payload.AllowedMentions);
    }

    [Fact]
    public async Task DispatchAsync_SlowComponentHandlerFails_LeavesTheComponentMessageAlone()
    {
        var answer = new TaskCompletionSource<InteractionResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Respond = (_, _) => answer.Task;

        var dispatch = Dispatcher().DispatchAsync(Parse(Component), (r, _) => Record(r), CancellationToken.None);
        await _handler.Started.WaitAsync(WaitLimit);
        _time.Advance(Budget);
        await dispatch.WaitAsync(WaitLimit);
        answer.SetException(new InvalidOperationException("boom"));
        await Task.Delay(100);

        Assert.Equal(InteractionCallbackType.DeferredUpdateMessage, Assert.Single(_responses).Type);
        Assert.Empty(_followUp.Edits);
    }

    [Fact]
    public async Task DispatchAsync_FollowUpThrows_DoesNotSurface()
    {
        var answer = new TaskCompletionSource<InteractionResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Respond = (_, _) => answer.Task;
        _followUp.Throw = new HttpRequestException("404 Unknown Webhook");

        var dispatch = Dispatcher().DispatchAsync(Parse(Command), (r, _) => Record(r), CancellationToken.None);
        await _handler.Started.WaitAsync(WaitLimit);
        _time.Advance(Budget);
        Assert.True(await dispatch.WaitAsync(WaitLimit));
        answer.SetResult(FakeInteractionHandler.Answer("late"));

        await _followUp.FirstEdit.WaitAsync(WaitLimit);
    }

    [Fact]
    public async Task DispatchAsync_RequestTokenCancelledWhileWaiting_DefersAndKeepsTheHandlerRunning()
    {
        var answer = new TaskCompletionSource<InteractionResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Respond = (_, _) => answer.Task;
        using var request = new CancellationTokenSource();

        var dispatch = Dispatcher().DispatchAsync(Parse(Command), (r, _) => Record(r), request.Token);
        await _handler.Started.WaitAsync(WaitLimit);
        await request.CancelAsync();
        await dispatch.WaitAsync(WaitLimit);
        answer.SetResult(FakeInteractionHandler.Answer("still delivered"));

        Assert.False(_handler.LastToken.IsCancellationRequested);
        Assert.Equal("still delivered", (await _followUp.FirstEdit.WaitAsync(WaitLimit)).Payload.Content);
    }

    [Fact]
    public async Task DispatchAsync_InitialResponseFails_CancelsTheHandlerAndSendsNoEdit()
    {
        _handler.Respond = async (_, ct) =>
        {
            await Task.Delay(WaitLimit.Multiply(6), ct);
            return FakeInteractionHandler.Answer("never");
        };

        var dispatch = Dispatcher().DispatchAsync(Parse(Command), (_, _) => throw new IOException("connection reset"), CancellationToken.None);
        await _handler.Started.WaitAsync(WaitLimit);
        _time.Advance(Budget);

        await Assert.ThrowsAsync<IOException>(() => dispatch.WaitAsync(WaitLimit));
        Assert.True(_handler.LastToken.IsCancellationRequested);
        await Task.Delay(100);
        Assert.Empty(_followUp.Edits);
    }

    [Fact]
    public async Task DispatchAsync_Autocomplete_ReturnsFalseWithoutResponding()
    {
        var handled = await Dispatcher().DispatchAsync(Parse(Autocomplete), (r, _) => Record(r), CancellationToken.None);

        Assert.False(handled);
        Assert.Empty(_responses);
        Assert.False(_handler.Started.IsCompleted);
    }

    [Fact]
    public async Task DispatchAsync_Ping_RespondsPongWithoutCallingHandler()
    {
        Assert.True(await Dispatcher().DispatchAsync(Parse(Ping), (r, _) => Record(r), CancellationToken.None));

        Assert.Equal(InteractionCallbackType.Pong, Assert.Single(_responses).Type);
        Assert.False(_handler.Started.IsCompleted);
    }

    [Fact]
    public async Task DispatchAsync_HandlerBlocksSynchronously_StillDefersOnTime()
    {
        using var unblock = new ManualResetEventSlim();
        _handler.Respond = (_, _) =>
        {
            unblock.Wait(WaitLimit);
            return Task.FromResult(FakeInteractionHandler.Answer("sync"));
        };

        var dispatch = Dispatcher().DispatchAsync(Parse(Command), (r, _) => Record(r), CancellationToken.None);
        await _handler.Started.WaitAsync(WaitLimit);
        _time.Advance(Budget);
        await dispatch.WaitAsync(WaitLimit);
        unblock.Set();

        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, Assert.Single(_responses).Type);
        Assert.Equal("sync", (await _followUp.FirstEdit.WaitAsync(WaitLimit)).Payload.Content);
    }
}
