namespace PolicyBot.Teams.Models;

/// <summary>The Connector's answer to <c>POST v3/conversations</c>: the new conversation id, and the first activity's id when one was sent.</summary>
public sealed record ConversationResourceResponse
{
    public string? Id { get; init; }
    public string? ActivityId { get; init; }
    public string? ServiceUrl { get; init; }
}
