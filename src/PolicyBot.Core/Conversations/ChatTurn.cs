namespace PolicyBot.Core.Conversations;

/// <summary>One incoming message or command.</summary>
/// <param name="ConversationId">A platform's conversation: a Discord thread or channel, a Teams conversation, a web session.</param>
/// <param name="Command">Set when the platform already parsed it (slash commands); otherwise <see cref="Text"/> is parsed.</param>
public sealed record ChatTurn(string ConversationId, string UserId, string Text, ChatCommand? Command = null);
