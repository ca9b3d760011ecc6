using PolicyBot.Teams.Auth;
using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Bot;

/// <summary>The Bot Framework JWT check behind <see cref="ITeamsAuthenticator"/>.</summary>
public sealed class JwtTeamsAuthenticator(BotFrameworkTokenValidator validator) : ITeamsAuthenticator
{
    public async Task<bool> IsAuthenticAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken) =>
        (await validator.ValidateAsync(authorizationHeader, activity, cancellationToken)).Succeeded;
}
