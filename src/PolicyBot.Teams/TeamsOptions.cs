using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Teams;

/// <summary>The <c>Teams</c> configuration section. The endpoint is enabled only when <see cref="AppId"/> is set; there is no unauthenticated mode.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>The bot's Microsoft App ID: the audience of inbound tokens and the client id for outbound ones.</summary>
    public string? AppId { get; set; }

    /// <summary>Client secret for outbound Connector tokens (user-secrets or environment only).</summary>
    public string? AppPassword { get; set; }

    /// <summary>Set for single-tenant bots; multi-tenant bots use botframework.com.</summary>
    public string? TenantId { get; set; }

    [Required] public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Token endpoint for outbound tokens; default depends on <see cref="TenantId"/>. Overridable so tests use loopback.</summary>
    public string? TokenEndpoint { get; set; }

    [Required] public string ChannelIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>
    /// Whether regular members (roster role <c>user</c>) may subscribe a team channel or chat to briefings; guests and anonymous users
    /// never may. Off means owners only — but the Bot Connector roster does not report team owners (only Microsoft Graph does), so in
    /// practice nobody can subscribe from Teams and operators manage subscriptions. See <see cref="Briefings.TeamsBriefingAccess"/>.
    /// </summary>
    public bool MembersManageBriefings { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(AppId);
}
