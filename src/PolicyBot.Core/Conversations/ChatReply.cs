using PolicyBot.Core.Answering;

namespace PolicyBot.Core.Conversations;

public enum ReplyKind { Answer, Refusal, Measures, Sources, Help, Error, Briefing }

/// <summary>
/// A platform-neutral reply: text with <c>[n]</c> markers, the citations they refer to, listed measures for
/// <c>latest</c>/<c>timeline</c>/<c>upcoming</c>/<c>sources</c>, a table for <c>compare</c>, and a "sources as of" stamp.
/// Discord, Teams, the CLI and the web page each only render it. Every <c>[n]</c> in the text, the items and the table
/// cells is a <see cref="Citation.Number"/> in <see cref="Citations"/>.
/// </summary>
public sealed record ChatReply(ReplyKind Kind, string Text)
{
    public IReadOnlyList<Citation> Citations { get; init; } = [];
    public IReadOnlyList<MeasureSummary> Items { get; init; } = [];
    /// <summary>The <c>compare</c> table; null for every other reply.</summary>
    public ReplyTable? Table { get; init; }
    /// <summary>"Sources as of 30 November 2026", from the last ingestion.</summary>
    public string? Freshness { get; init; }
    public string? Notice { get; init; }
    /// <summary>Identifies an answer for feedback buttons; null for lists and help.</summary>
    public string? ReplyKey { get; init; }
    public bool Refused => Kind == ReplyKind.Refusal;
}

/// <summary>One measure (or one dated event of a measure) in a list reply.</summary>
public sealed record MeasureSummary(
    string DocumentId, string Title, string? Jurisdiction, string? Announced, string? Effective, string? Status, string? Url)
{
    /// <summary>One line about the measure: the first sentence of its first passage, or what happens on <see cref="Date"/>.</summary>
    public string? Summary { get; init; }
    /// <summary>The number of the citation behind <see cref="Summary"/>.</summary>
    public int? Citation { get; init; }
    /// <summary>The date this item is listed under (<c>upcoming</c>: the event's date), as written ("2027-02-18").</summary>
    public string? Date { get; init; }
    /// <summary>What happens on <see cref="Date"/> (<c>upcoming</c>), or the measure's suspensions and amendments (<c>timeline</c>): "suspended by Announcement No. 70 of 2025".</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
