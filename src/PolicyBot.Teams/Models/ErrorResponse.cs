namespace PolicyBot.Teams.Models;

/// <summary>The Connector's error body: <c>{"error":{"code":"...","message":"..."}}</c>.</summary>
public sealed record ErrorResponse
{
    public ErrorDetail? Error { get; init; }
}

public sealed record ErrorDetail
{
    public string? Code { get; init; }
    public string? Message { get; init; }
}
