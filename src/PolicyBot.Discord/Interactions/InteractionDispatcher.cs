using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Interactions;

/// <summary>
/// Chooses the initial response to an interaction and, when the handler is slow, finishes the answer later.
/// <code>
/// PING ─────────────────────────────────────────────► respond {"type":1}
/// command / component / modal ─► handler ─┬─ done within budget ─► respond with the handler's response
///                                         └─ still working ──────► respond 5 (6 for components)
///                                              ... handler done ─► IInteractionFollowUp.EditOriginalAsync(data)
/// AUTOCOMPLETE, unknown ─────────────────────────────► not handled (DispatchAsync returns false)
/// </code>
/// The HTTP endpoint responds by writing the HTTP response; gateway interactions respond through <see cref="IInteractionCallback"/>
/// (<see cref="GatewayInteractionDispatcher"/>). Both share this class.
/// </summary>
public sealed class InteractionDispatcher
{
    private static readonly InteractionResponse Pong = new(InteractionCallbackType.Pong);

    private readonly IInteractionHandler _handler;
    private readonly IInteractionFollowUp _followUp;
    private readonly DiscordInteractionOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;

    public InteractionDispatcher(IInteractionHandler handler, IInteractionFollowUp followUp, IOptions<DiscordInteractionOptions> options,
        TimeProvider timeProvider, ILogger<InteractionDispatcher> logger, IHostApplicationLifetime? lifetime = null)
    {
        _handler = handler;
        _followUp = followUp;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _stopping = lifetime?.ApplicationStopping ?? CancellationToken.None;
    }

    /// <summary>
    /// Works out the initial response and passes it to <paramref name="respondAsync"/>. A deferred answer goes to
    /// <see cref="IInteractionFollowUp"/> only after <paramref name="respondAsync"/> has returned, so the edit never overtakes
    /// the deferral. Returns false, without responding, for interaction types PolicyBot does not handle.
    /// </summary>
    /// <param name="cancellationToken">Ends the wait for the handler (the request's token); the handler's work goes on regardless.</param>
    /// <exception cref="Exception">Whatever <paramref name="respondAsync"/> throws; the handler is then cancelled, since nobody can receive its answer.</exception>
    public async Task<bool> DispatchAsync(Interaction interaction, Func<InteractionResponse, CancellationToken, Task> respondAsync,
        CancellationToken cancellationToken)
    {
        _logger.InteractionReceived(interaction.Id, interaction.Type);
        switch (interaction.Type)
        {
            case InteractionType.Ping:
                await respondAsync(Pong, cancellationToken);
                return true;
            case InteractionType.ApplicationCommand or InteractionType.MessageComponent or InteractionType.ModalSubmit:
                break;
            default:
                _logger.InteractionTypeUnsupported(interaction.Id, interaction.Type);
                return false;
        }

        // Not linked to the request: Discord closing the connection must not stop an answer that will be delivered by follow-up.
        var handlerScope = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        handlerScope.CancelAfter(_options.HandlerTimeout);
        var work = await StartAndWaitAsync(interaction, handlerScope.Token, cancellationToken);

        if (work.IsCompleted)
        {
            handlerScope.Dispose();
            await respondAsync(Completed(interaction, work), cancellationToken);
            return true;
        }

        var deferred = new InteractionResponse(interaction.Type == InteractionType.MessageComponent
            ? InteractionCallbackType.DeferredUpdateMessage
            : InteractionCallbackType.DeferredChannelMessageWithSource);
        _logger.InteractionDeferred(interaction.Id, deferred.Type, _options.ResponseBudget.TotalMilliseconds);
        try
        {
            await respondAsync(deferred, cancellationToken);
        }
        catch
        {
            await handlerScope.CancelAsync();
            _ = FinishDeferredAsync(interaction, work, handlerScope);
            throw;
        }

        _ = FinishDeferredAsync(interaction, work, handlerScope);
        return true;
    }

    private async Task<Task<InteractionResponse>> StartAndWaitAsync(Interaction interaction, CancellationToken handlerToken,
        CancellationToken waitToken)
    {
        using var waitScope = CancellationTokenSource.CreateLinkedTokenSource(waitToken);
        // The budget timer starts before the handler, so a (test) clock advanced once the handler runs always fires it.
        var budget = Task.Delay(_options.ResponseBudget, _timeProvider, waitScope.Token);
        // Task.Run: a handler that does synchronous work before its first await must not hold up the deadline.
        var work = Task.Run(() => _handler.HandleAsync(interaction, handlerToken), CancellationToken.None);
        await Task.WhenAny(work, budget);
        await waitScope.CancelAsync();
        return work;
    }

    private InteractionResponse Completed(Interaction interaction, Task<InteractionResponse> work)
    {
        if (work.IsCompletedSuccessfully && work.Result is { } response) return response;
        if (work.IsCanceled) _logger.HandlerCancelled(interaction.Id);
        else _logger.HandlerFailed(work.Exception?.InnerException ?? new InvalidOperationException("The handler returned null."), interaction.Id);
        return new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, ErrorPayload() with { Flags = 64 });
    }

    private async Task FinishDeferredAsync(Interaction interaction, Task<InteractionResponse> work, CancellationTokenSource handlerScope)
    {
        using (handlerScope)
        {
            MessagePayload? payload;
            try
            {
                payload = (await work).Data;
                if (payload is null)
                {
                    _logger.LateAnswerWithoutData(interaction.Id);
                    return;
                }
            }
            catch (OperationCanceledException) when (handlerScope.IsCancellationRequested)
            {
                _logger.HandlerCancelled(interaction.Id);
                return;
            }
            catch (Exception ex)
            {
                _logger.HandlerFailed(ex, interaction.Id);
                // After type 6 the original is the message that holds the component: keep it rather than overwrite it with an error.
                if (interaction.Type == InteractionType.MessageComponent) return;
                payload = ErrorPayload();
            }

            try
            {
                await _followUp.EditOriginalAsync(interaction, payload, handlerScope.Token);
                _logger.FollowUpSent(interaction.Id);
            }
            catch (Exception ex)
            {
                _logger.FollowUpFailed(ex, interaction.Id);
            }
        }
    }

    private MessagePayload ErrorPayload() => new() { Content = _options.ErrorMessage, AllowedMentions = AllowedMentions.None };
}
