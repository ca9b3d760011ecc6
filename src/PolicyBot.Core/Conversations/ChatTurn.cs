namespace PolicyBot.Core.Conversations;

/// <summary>One incoming message or command.</summary>
/// <param name="ConversationId">A platform's conversation: a Discord thread or channel, a Teams conversation, a web session.</param>
/// <param name="Command">Set when the platform already parsed it (slash commands); otherwise <see cref="Text"/> is parsed.</param>
/// <param name="Platform">"discord", "teams", "web" or "cli"; briefings are delivered per platform.</param>
/// <param name="CanManage">Whether the user may change the channel's briefing subscriptions.</param>
/// <param name="ChannelId">Where briefings for this conversation are posted (a Discord channel, a Teams conversation); defaults to the conversation.</param>
public sealed record ChatTurn(string ConversationId, string UserId, string Text, ChatCommand? Command = null,
    string Platform = "chat", bool CanManage = false, string? ChannelId = null);
