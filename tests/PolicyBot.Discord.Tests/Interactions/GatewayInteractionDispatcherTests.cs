using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Discord.Interactions;
using PolicyBot.Discord.Models;
using PolicyBot.Discord.Tests.Interactions.Fakes;
using PolicyBot.Tests;
using static PolicyBot.Discord.Tests.Interactions.TestPayloads;

namespace PolicyBot.Discord.Tests.Interactions;

public sealed class GatewayInteractionDispatcherTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    private readonly FakeTimeProvider _time = new(InteractionServer.DefaultNow);
    private readonly FakeInteractionHandler _handler = new();
    private readonly RecordingFollowUp _followUp = new();
    private readonly RecordingCallback _callback = new();

    private GatewayInteractionDispatcher Dispatcher(string? applicationId = null) => new(
        new InteractionDispatcher(_handler, _followUp, Options.Create(new DiscordInteractionOptions { ResponseBudget = Budget }), _time,
            NullLogger<InteractionDispatcher>.Instance),
        _callback,
        Options.Create(new DiscordOptions { ApplicationId = applicationId }),
        NullLogger<GatewayInteractionDispatcher>.Instance);

    [SharedFact]
    public async Task DispatchAsync_InteractionCreateFixture_CallsBackWithTheAnswer()
    {
        using var frame = JsonDocument.Parse(await File.ReadAllTextAsync(
            RepositoryPaths.SharedFile("fixtures", "discord", "gateway", "op0_interaction_create.json")));

        await Dispatcher(applicationId: "775799577604522054").DispatchAsync(frame.RootElement.GetProperty("d"), CancellationToken.None);

        var interaction = await _handler.Started;
        Assert.Equal("cardsearch", interaction.Data?.Name);
        Assert.Equal("53908232506183680", interaction.InvokingUser?.Id);
        // The docs example has no application_id; the configured one fills in.
        Assert.Equal("775799577604522054", interaction.ApplicationId);
        var response = Assert.Single(_callback.Responses);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response.Type);
        Assert.Equal("answer to cardsearch", response.Data?.Content);
    }

    [Fact]
    public async Task DispatchAsync_SlowHandler_CallsBackDeferredThenEditsAfterTheCallbackReturned()
    {
        var answer = new TaskCompletionSource<InteractionResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Respond = (_, _) => answer.Task;
        _callback.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var d = JsonDocument.Parse(Command);

        var dispatch = Dispatcher().DispatchAsync(d.RootElement, CancellationToken.None);
        await _handler.Started.WaitAsync(WaitLimit);
        _time.Advance(Budget);
        await _callback.FirstResponse.WaitAsync(WaitLimit);
        answer.SetResult(FakeInteractionHandler.Answer("late answer"));
        await Task.Delay(100);
        Assert.Empty(_followUp.Edits);
        _callback.Gate.SetResult();
        await dispatch.WaitAsync(WaitLimit);

        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, Assert.Single(_callback.Responses).Type);
        Assert.Equal("late answer", (await _followUp.FirstEdit.WaitAsync(WaitLimit)).Payload.Content);
    }

    [Fact]
    public async Task DispatchAsync_MalformedData_CompletesWithoutThrowing()
    {
        using var d = JsonDocument.Parse("""[1, 2]""");

        await Dispatcher().DispatchAsync(d.RootElement, CancellationToken.None);

        Assert.Empty(_callback.Responses);
    }

    [Fact]
    public async Task DispatchAsync_CallbackFails_CompletesWithoutThrowing()
    {
        var failing = new GatewayInteractionDispatcher(
            new InteractionDispatcher(_handler, _followUp, Options.Create(new DiscordInteractionOptions()), _time, NullLogger<InteractionDispatcher>.Instance),
            new ThrowingCallback(), Options.Create(new DiscordOptions()), NullLogger<GatewayInteractionDispatcher>.Instance);

        await failing.DispatchAsync(InteractionJson.TryParse(Command)!, CancellationToken.None);

        Assert.Empty(_followUp.Edits);
    }

    private sealed class ThrowingCallback : IInteractionCallback
    {
        public Task RespondAsync(Interaction interaction, InteractionResponse response, CancellationToken cancellationToken) =>
            throw new HttpRequestException("500");
    }
}
