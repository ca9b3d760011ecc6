namespace PolicyBot.Teams.Briefings;

/// <summary>
/// Which Teams conversation a channel's briefings go to. A message in a channel thread has the conversation id
/// <c>19:…@thread.tacv2;messageid=…</c>; briefings go to the channel itself (<c>19:…@thread.tacv2</c>), as new posts.
/// </summary>
public static class TeamsBriefingChannel
{
    private const string ThreadSuffix = ";messageid=";

    /// <summary>The channel's conversation id without the thread part; other conversation ids unchanged.</summary>
    public static string ConversationId(string conversationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        var thread = conversationId.IndexOf(ThreadSuffix, StringComparison.OrdinalIgnoreCase);
        return thread < 0 ? conversationId : conversationId[..thread];
    }
}
