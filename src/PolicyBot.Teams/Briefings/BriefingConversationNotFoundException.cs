namespace PolicyBot.Teams.Briefings;

/// <summary>
/// No stored conversation reference for a subscription's Teams conversation (the bot was removed, or the reference was never
/// saved), so there is no serviceUrl to send to. The delivery fails and stays unrecorded.
/// </summary>
public sealed class BriefingConversationNotFoundException(string conversationId)
    : Exception($"No stored Teams conversation {conversationId}: the bot must be in that conversation to post briefings there.")
{
    public string ConversationId { get; } = conversationId;
}
