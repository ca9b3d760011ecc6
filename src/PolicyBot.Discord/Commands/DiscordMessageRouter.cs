using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Conversations;
using PolicyBot.Discord.Models;
using PolicyBot.Discord.Rendering;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Discord.Commands;

/// <summary>
/// MESSAGE_CREATE ─► addressed to the bot? (a DM, a mention, or a configured channel; never a bot or itself)
///               ─► strip the mention ─► conversation layer ─► reply in the message's thread, or start a thread for a channel question.
/// A thread (or a DM channel) is one conversation, so follow-ups there keep their context.
/// </summary>
public sealed partial class DiscordMessageRouter(
    ConversationService conversations, DiscordRestClient rest, IOptions<DiscordOptions> options, ILogger<DiscordMessageRouter> logger)
{
    private const int ThreadNameLength = 90;
    private readonly ConcurrentDictionary<string, bool> _threads = new(StringComparer.Ordinal);

    [GeneratedRegex(@"<@!?(\d+)>")]
    private static partial Regex UserMention();

    /// <summary>The bot's own user id, learned from READY.</summary>
    public string? BotUserId { get; set; }

    public bool IsAddressedToBot(DiscordMessage message)
    {
        if (message.Author is null || message.Author.Bot == true || message.WebhookId is not null) return false;
        if (BotUserId is not null && message.Author.Id == BotUserId) return false;
        return message.GuildId is null
            || (BotUserId is not null && message.Mentions.Any(u => u.Id == BotUserId))
            || options.Value.Channels.Contains(message.ChannelId)
            || _threads.ContainsKey(message.ChannelId);
    }

    public async Task HandleAsync(DiscordMessage message, CancellationToken cancellationToken)
    {
        if (!IsAddressedToBot(message)) return;
        var text = UserMention().Replace(message.Content, m => m.Groups[1].Value == BotUserId ? " " : m.Value).Trim();

        // Briefing commands are about the channel, so they are answered in place rather than in a new thread.
        var isBrief = text.StartsWith("brief ", StringComparison.OrdinalIgnoreCase) || text.Equals("brief", StringComparison.OrdinalIgnoreCase);
        var (channelId, referenceMessage) = isBrief ? (message.ChannelId, message.Id) : await ChooseReplyChannelAsync(message, text, cancellationToken);
        var reply = await conversations.HandleAsync(new ChatTurn(channelId, message.Author!.Id, text, Platform: "discord"), cancellationToken);
        var payloads = DiscordReplyRenderer.Render(reply);
        for (var i = 0; i < payloads.Count; i++)
        {
            var payload = i == 0 && referenceMessage is not null
                ? payloads[i] with { MessageReference = new MessageReference { MessageId = referenceMessage, FailIfNotExists = false } }
                : payloads[i];
            await rest.CreateMessageAsync(channelId, payload, cancellationToken);
        }
        logger.Replied(payloads.Count);
    }

    // A question in a server channel gets its own thread (the thread id is the message id); elsewhere the bot replies in place.
    private async Task<(string ChannelId, string? ReferenceMessage)> ChooseReplyChannelAsync(DiscordMessage message, string text, CancellationToken cancellationToken)
    {
        if (message.GuildId is null || _threads.ContainsKey(message.ChannelId) || message.Thread is not null)
            return (message.ChannelId, message.Id);
        try
        {
            var name = text.Length == 0 ? "PolicyBot" : text.Length <= ThreadNameLength ? text : text[..ThreadNameLength].TrimEnd() + "…";
            var thread = await rest.StartThreadFromMessageAsync(message.ChannelId, message.Id, new StartThreadPayload(name), cancellationToken);
            _threads[thread.Id] = true;
            return (thread.Id, null);
        }
        catch (DiscordApiException ex)
        {
            // Already a thread, a forum, or no permission to create threads: answer in place instead.
            logger.ThreadNotStarted(ex.ErrorCode ?? (int)ex.StatusCode);
            _threads[message.ChannelId] = true;
            return (message.ChannelId, message.Id);
        }
    }
}
