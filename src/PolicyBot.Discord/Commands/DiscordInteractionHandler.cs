using Microsoft.Extensions.Logging;
using PolicyBot.Core.Conversations;
using PolicyBot.Core.Feedback;
using PolicyBot.Discord.Briefings;
using PolicyBot.Discord.Interactions;
using PolicyBot.Discord.Models;
using PolicyBot.Discord.Rendering;

namespace PolicyBot.Discord.Commands;

/// <summary>
/// Slash commands (/ask, /latest, /sources, /help) go through the conversation layer; the feedback buttons under an
/// answer store a vote ("not helpful" after a modal asking for an optional reason). Used for interactions from the HTTP endpoint and from the gateway alike.
/// </summary>
public sealed class DiscordInteractionHandler(
    ConversationService conversations, IFeedbackStore feedback, ReplyJournal journal, TimeProvider time, ILogger<DiscordInteractionHandler> logger)
    : IInteractionHandler
{
    private const int Ephemeral = 64;

    public async Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (interaction.Type == InteractionType.MessageComponent)
            return await OnButtonAsync(interaction, cancellationToken);
        if (interaction.Type == InteractionType.ModalSubmit)
            return await OnReasonAsync(interaction, cancellationToken);

        var user = interaction.InvokingUser?.Id ?? "unknown";
        var conversationId = interaction.ChannelId ?? interaction.Channel?.Id ?? $"dm-{user}";
        var brief = SlashCommands.BriefText(interaction.Data);
        var turn = brief is not null
            ? new ChatTurn(conversationId, user, brief, Platform: "discord", CanManage: DiscordBriefingPermissions.CanManageChannel(interaction.Member?.Permissions))
            : new ChatTurn(conversationId, user, SlashCommands.Describe(interaction.Data), SlashCommands.ToChatCommand(interaction.Data), Platform: "discord");
        var reply = await conversations.HandleAsync(turn, cancellationToken);
        var payloads = DiscordReplyRenderer.Render(reply);
        // An interaction response is one message; the rare answer too long for one keeps its first part and says so.
        var first = payloads[0];
        if (payloads.Count > 1)
            first = first with { Content = "The full answer is longer than one Discord message; ask in a channel thread to see all of it." };
        return new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, first);
    }

    private async Task<InteractionResponse> OnButtonAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (!FeedbackButtons.TryParse(interaction.Data?.CustomId, out var helpful, out var replyKey))
            return Notice("That button is no longer supported.");
        if (helpful) return await StoreAsync(interaction, replyKey, helpful: true, reason: null, cancellationToken);
        // "Not helpful" counts at once (a dismissed form loses nothing), then asks what was missing; a submitted reason is
        // stored as the same person's later vote on the same answer, which is the one the report counts.
        await AddVoteAsync(interaction, replyKey, helpful: false, reason: null, cancellationToken);
        return FeedbackButtons.ReasonModal(replyKey);
    }

    private async Task<InteractionResponse> OnReasonAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (!FeedbackButtons.TryParseReason(interaction.Data?.CustomId, out var replyKey))
            return Notice("That form is no longer supported.");
        var reason = interaction.Data?.InputValue(FeedbackButtons.ReasonInput)?.Trim() is { Length: > 0 } typed
            ? typed[..Math.Min(typed.Length, FeedbackButtons.MaxReasonLength)]
            : null;
        return await StoreAsync(interaction, replyKey, helpful: false, reason, cancellationToken);
    }

    private async Task<InteractionResponse> StoreAsync(Interaction interaction, string replyKey, bool helpful, string? reason, CancellationToken cancellationToken)
    {
        await AddVoteAsync(interaction, replyKey, helpful, reason, cancellationToken);
        return Notice("Thanks for the feedback.");
    }

    private async Task AddVoteAsync(Interaction interaction, string replyKey, bool helpful, string? reason, CancellationToken cancellationToken)
    {
        var entry = journal.Find(replyKey);
        await feedback.AddAsync(new FeedbackRecord("discord", interaction.ChannelId ?? "", interaction.InvokingUser?.Id ?? "", replyKey, helpful, reason,
            entry?.Question, entry?.Answer, entry?.CitedDocuments ?? [], time.GetUtcNow()), cancellationToken);
        logger.FeedbackStored(helpful);
    }

    private static InteractionResponse Notice(string text) =>
        new(InteractionCallbackType.ChannelMessageWithSource, new MessagePayload { Content = text, Flags = Ephemeral, AllowedMentions = AllowedMentions.None });
}
