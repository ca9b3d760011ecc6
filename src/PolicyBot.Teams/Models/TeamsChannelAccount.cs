namespace PolicyBot.Teams.Models;

/// <summary>
/// One member as the Connector's roster returns it (<c>GET {serviceUrl}/v3/conversations/{id}/members/{userId}</c>).
/// <see cref="UserRole"/> is documented as <c>user</c> for regular members and <c>anonymous</c> for anonymous users;
/// guests are reported as <c>guest</c>. Team ownership is not part of it (only Microsoft Graph reports owners).
/// </summary>
public sealed record TeamsChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? UserRole { get; init; }
    public string? TenantId { get; init; }
}
