using System.Text.Json;
using Microsoft.Extensions.Logging;
using PolicyBot.Core.Conversations;
using PolicyBot.Core.Feedback;
using PolicyBot.Teams.Briefings;
using PolicyBot.Teams.Models;
using PolicyBot.Teams.Rendering;

namespace PolicyBot.Teams.Bot;

/// <summary>
/// An authenticated activity ─► message: strip the mention, acknowledge, typing, answer through the conversation layer, reply
///                           ─► conversationUpdate: welcome and remember / forget the conversation
///                           ─► invoke adaptiveCard/action: store the feedback vote, answer with an invoke response
/// </summary>
public sealed class TeamsActivityHandler(
    ConversationService conversations,
    ITeamsReplySender sender,
    IConversationReferenceStore references,
    IFeedbackStore feedback,
    ReplyJournal journal,
    BackgroundWork background,
    TeamsBriefingAccess briefingAccess,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<TeamsOptions> options,
    ILogger<TeamsActivityHandler> logger)
{
    public const string Welcome = "Hi, I'm PolicyBot. Ask me about battery-materials and critical-minerals policy and I'll answer from the indexed documents with numbered sources. Try `help`, `latest China graphite` or a question.";

    /// <returns>The invoke response body for invoke activities; null for everything else (the endpoint then answers 200).</returns>
    public async Task<object?> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await background.EnqueueAsync(ct => AnswerAsync(activity, ct), cancellationToken);
                return null;
            case ActivityTypes.ConversationUpdate:
                await OnConversationUpdateAsync(activity, cancellationToken);
                return null;
            case ActivityTypes.Invoke when activity.Name == "adaptiveCard/action":
                return await OnCardActionAsync(activity, cancellationToken);
            default:
                logger.Ignored(activity.Type);
                return null;
        }
    }

    private async Task AnswerAsync(Activity activity, CancellationToken cancellationToken)
    {
        await sender.ReplyAsync(activity, new Activity { Type = ActivityTypes.Typing }, cancellationToken);
        var text = MentionText.StripBotMention(activity);
        // Remember every conversation the bot answers in, so briefings can be posted there later (keyed by the channel, not the thread).
        var channel = TeamsBriefingChannel.ConversationId(activity.Conversation?.Id ?? "unknown");
        if (StoredConversation.From(activity) is { } stored) await references.SaveAsync(stored with { ConversationId = channel }, cancellationToken);
        // Only subscription changes need the sender's roster role (one Connector GET); everything else goes without it.
        var canManage = TeamsBriefingAccess.NeedsCheck(text) && await briefingAccess.CanManageAsync(activity, cancellationToken);
        var turn = new ChatTurn(activity.Conversation?.Id ?? "unknown", activity.From?.Id ?? "unknown", text,
            Platform: "teams", CanManage: canManage, ChannelId: channel);
        var reply = await conversations.HandleAsync(turn, cancellationToken);
        await sender.ReplyAsync(activity, TeamsReplyRenderer.Render(reply, reply.ReplyKey ?? ""), cancellationToken);
    }

    private async Task OnConversationUpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        // The bot is the recipient; in Teams its member id is also "28:" + its app id.
        bool IsBot(ChannelAccount member) => member.Id is { } id && (id == activity.Recipient?.Id || id == $"28:{options.Value.AppId}");
        if (activity.MembersAdded?.Any(IsBot) == true && StoredConversation.From(activity) is { } stored)
        {
            await references.SaveAsync(stored, cancellationToken);
            logger.Added(stored.ConversationType);
            await background.EnqueueAsync(ct => sender.ReplyAsync(activity, new Activity { Type = ActivityTypes.Message, Text = Welcome }, ct), cancellationToken);
        }
        if (activity.MembersRemoved?.Any(IsBot) == true && activity.Conversation?.Id is { } id)
        {
            await references.RemoveAsync(id, cancellationToken);
            logger.Removed();
        }
    }

    private async Task<object> OnCardActionAsync(Activity activity, CancellationToken cancellationToken)
    {
        var action = activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("action", out var a) ? a : default;
        if (Text(action, "verb") != AdaptiveCardBuilder.FeedbackVerb)
            return InvokeMessage(200, "PolicyBot does not handle that card action.");

        var data = action.TryGetProperty("data", out var d) ? d : default;   // action is an object here: its verb matched
        var rating = Text(data, "rating");
        if (rating is not ("helpful" or "not_helpful"))
            return InvokeMessage(400, "Feedback needs a rating.");
        var key = Text(data, "replyKey") ?? "";
        // The reason box is on every answer card; only a "not helpful" vote keeps what was typed there.
        var reason = rating == "not_helpful" && Text(data, AdaptiveCardBuilder.FeedbackReasonInput)?.Trim() is { Length: > 0 } typed
            ? typed[..Math.Min(typed.Length, AdaptiveCardBuilder.MaxReasonLength)]
            : null;
        var entry = journal.Find(key);
        await feedback.AddAsync(new FeedbackRecord("teams", activity.Conversation?.Id ?? "", activity.From?.Id ?? "", key, rating == "helpful", reason,
            entry?.Question, entry?.Answer, entry?.CitedDocuments ?? [], time.GetUtcNow()), cancellationToken);
        logger.FeedbackReceived(rating == "helpful");
        return InvokeMessage(200, "Thanks for the feedback.");
    }

    /// <summary>A string property of a JSON object; null when it is missing, not a string, or the element is not an object.</summary>
    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The Universal Actions invoke response that shows a short message.</summary>
    private static object InvokeMessage(int status, string message) =>
        new { statusCode = status, type = "application/vnd.microsoft.activity.message", value = message };
}
