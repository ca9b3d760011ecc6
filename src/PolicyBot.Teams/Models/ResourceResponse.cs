namespace PolicyBot.Teams.Models;

/// <summary>The Connector's answer to a send or reply: the id the channel gave the new activity (may be absent in some channels).</summary>
public sealed record ResourceResponse
{
    public string? Id { get; init; }
}
