using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Bot;

/// <summary>Sends activities back through the Bot Framework Connector.</summary>
public interface ITeamsReplySender
{
    /// <summary>Replies to <paramref name="inbound"/> in its conversation (a typing indicator, an answer, a welcome).</summary>
    Task ReplyAsync(Activity inbound, Activity reply, CancellationToken cancellationToken);
}
