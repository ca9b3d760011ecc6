using PolicyBot.Core.Answering;

namespace PolicyBot.Core.Conversations;

public enum ReplyKind { Answer, Refusal, Measures, Sources, Help, Error }

/// <summary>
/// A platform-neutral reply: text with <c>[n]</c> markers, the citations they refer to, listed measures for
/// <c>latest</c>/<c>sources</c>, and a "sources as of" stamp. Discord, Teams and the web page each only render it.
/// </summary>
public sealed record ChatReply(ReplyKind Kind, string Text)
{
    public IReadOnlyList<Citation> Citations { get; init; } = [];
    public IReadOnlyList<MeasureSummary> Items { get; init; } = [];
    /// <summary>"Sources as of 30 November 2026", from the last ingestion.</summary>
    public string? Freshness { get; init; }
    public string? Notice { get; init; }
    /// <summary>Identifies an answer for feedback buttons; null for lists and help.</summary>
    public string? ReplyKey { get; init; }
    public bool Refused => Kind == ReplyKind.Refusal;
}

/// <summary>One measure in a list reply.</summary>
public sealed record MeasureSummary(
    string DocumentId, string Title, string? Jurisdiction, string? Announced, string? Effective, string? Status, string? Url);
