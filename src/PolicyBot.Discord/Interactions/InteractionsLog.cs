using Microsoft.Extensions.Logging;

namespace PolicyBot.Discord.Interactions;

/// <summary>Event IDs 500-549: Discord interactions (endpoint, dispatcher, follow-ups). No request bodies, tokens or answers are logged.</summary>
internal static partial class InteractionsLog
{
    [LoggerMessage(500, LogLevel.Information, "Discord interactions endpoint mapped at {Pattern}")]
    public static partial void EndpointMapped(this ILogger logger, string pattern);

    [LoggerMessage(501, LogLevel.Information, "Discord interactions endpoint not mapped at {Pattern}: Discord:PublicKey is not set")]
    public static partial void EndpointDisabled(this ILogger logger, string pattern);

    [LoggerMessage(502, LogLevel.Debug, "Interaction request rejected with 401: {Verdict}")]
    public static partial void RequestUnauthorized(this ILogger logger, SignatureVerdict verdict);

    [LoggerMessage(503, LogLevel.Debug, "Interaction request rejected with 413: body larger than {MaxBodyBytes} bytes")]
    public static partial void RequestTooLarge(this ILogger logger, int maxBodyBytes);

    [LoggerMessage(504, LogLevel.Debug, "Interaction request rejected with 400: the signed body is not an interaction")]
    public static partial void RequestMalformed(this ILogger logger);

    [LoggerMessage(505, LogLevel.Debug, "Interaction {InteractionId} of type {InteractionType} received")]
    public static partial void InteractionReceived(this ILogger logger, string interactionId, int interactionType);

    [LoggerMessage(506, LogLevel.Warning, "Interaction {InteractionId} has type {InteractionType}, which PolicyBot does not handle")]
    public static partial void InteractionTypeUnsupported(this ILogger logger, string interactionId, int interactionType);

    [LoggerMessage(507, LogLevel.Information, "Interaction {InteractionId} deferred with type {CallbackType}: the handler took longer than {BudgetMilliseconds:F0} ms")]
    public static partial void InteractionDeferred(this ILogger logger, string interactionId, int callbackType, double budgetMilliseconds);

    [LoggerMessage(508, LogLevel.Error, "Handler failed for interaction {InteractionId}")]
    public static partial void HandlerFailed(this ILogger logger, Exception exception, string interactionId);

    [LoggerMessage(509, LogLevel.Warning, "Handler for interaction {InteractionId} was cancelled (shutdown or handler timeout); no follow-up is sent")]
    public static partial void HandlerCancelled(this ILogger logger, string interactionId);

    [LoggerMessage(510, LogLevel.Warning, "Late answer for interaction {InteractionId} has no data; the deferred response is left as it is")]
    public static partial void LateAnswerWithoutData(this ILogger logger, string interactionId);

    [LoggerMessage(511, LogLevel.Debug, "Edited the original response of interaction {InteractionId}")]
    public static partial void FollowUpSent(this ILogger logger, string interactionId);

    [LoggerMessage(512, LogLevel.Error, "Editing the original response of interaction {InteractionId} failed")]
    public static partial void FollowUpFailed(this ILogger logger, Exception exception, string interactionId);

    [LoggerMessage(513, LogLevel.Warning, "Initial callback for gateway interaction {InteractionId} could not be sent; its handler is cancelled")]
    public static partial void InitialResponseFailed(this ILogger logger, Exception exception, string interactionId);

    [LoggerMessage(514, LogLevel.Debug, "Interaction request aborted by the client before the response was complete")]
    public static partial void RequestAborted(this ILogger logger);

    [LoggerMessage(515, LogLevel.Warning, "Gateway interaction could not be parsed")]
    public static partial void GatewayInteractionMalformed(this ILogger logger, Exception exception);
}
