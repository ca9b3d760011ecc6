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

    /// <summary>Whether any member of a team or chat may subscribe it to briefings (Teams does not tell the bot who owns a team without a roster call).</summary>
    public bool MembersManageBriefings { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(AppId);
}
