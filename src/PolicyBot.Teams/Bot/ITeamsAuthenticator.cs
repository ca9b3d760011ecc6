using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Bot;

/// <summary>Decides whether an inbound request really comes from the Bot Framework channel for this bot.</summary>
public interface ITeamsAuthenticator
{
    Task<bool> IsAuthenticAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}
