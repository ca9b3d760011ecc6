using System.Globalization;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Briefings.Composition;

/// <summary>The wording every briefing renderer shares (plain text, Discord embeds, Teams cards), so they say the same thing.</summary>
public static class BriefingFormat
{
    public const string Title = "Policy briefing";

    public static IReadOnlyList<BriefingItemKind> SectionOrder { get; } =
        [BriefingItemKind.New, BriefingItemKind.Changed, BriefingItemKind.Removed, BriefingItemKind.Upcoming];

    public static string SectionTitle(BriefingItemKind kind) => kind switch
    {
        BriefingItemKind.New => "New",
        BriefingItemKind.Changed => "Changed",
        BriefingItemKind.Removed => "Removed",
        _ => "Upcoming",
    };

    /// <summary>The date of an instant in an IANA time zone (UTC when the zone is unknown).</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, string? timeZone)
    {
        var zone = timeZone is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"Changes from 1 November 2025 to 8 November 2025 · China · graphite".</summary>
    public static string Period(Briefing briefing, BriefingSubscription subscription)
    {
        var zone = subscription.Schedule.TimeZone;
        return $"Changes from {Date(LocalDate(briefing.Since, zone))} to {Date(LocalDate(briefing.Until, zone))} · {BriefingFilter.Describe(subscription)}";
    }

    /// <summary>"No changes since 1 November 2025."</summary>
    public static string NoChanges(Briefing briefing, BriefingSubscription subscription) =>
        $"No changes since {Date(LocalDate(briefing.Since, subscription.Schedule.TimeZone))}.";

    /// <summary>The item's number: its citation's, which is also the [n] its summary ends with.</summary>
    public static int Number(BriefingItem item) => item.Citation?.Number ?? 0;

    /// <summary>"China · announced 9 October 2025" for changes, "8 November 2025 · China" for upcoming dates.</summary>
    public static string Meta(BriefingItem item)
    {
        var jurisdiction = item.Jurisdiction is { Length: > 0 } j ? j : null;
        if (item.Kind == BriefingItemKind.Upcoming)
            return string.Join(" · ", new[] { item.Date is { } d ? Date(d) : null, jurisdiction }.OfType<string>());
        var date = item.Date is { } announced ? $"announced {Date(announced)}" : null;
        return string.Join(" · ", new[] { jurisdiction, date }.OfType<string>());
    }

    /// <summary>"[1] Title — China, 8 November 2025" (the renderer adds a link where it can).</summary>
    public static string SourceLine(Citation citation, string? title = null)
    {
        var date = PolicyDate.Format(citation.Effective ?? citation.Announced);
        return $"[{citation.Number}] {title ?? citation.Title} — {citation.Jurisdiction ?? "—"}{(date is null ? "" : $", {date}")}";
    }

    /// <summary>A Markdown link that survives brackets in the title and brackets or parentheses in the URL.</summary>
    public static string MarkdownLink(string text, string? url)
    {
        var safeText = text.Replace('[', '(').Replace(']', ')');
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out _)) return safeText;
        var safeUrl = url.Replace("[", "%5B", StringComparison.Ordinal).Replace("]", "%5D", StringComparison.Ordinal)
            .Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal);
        return $"[{safeText}]({safeUrl})";
    }

    /// <summary>Cuts at a word boundary and marks the cut with "…", keeping a trailing [n] marker.</summary>
    public static string Truncate(string text, int limit)
    {
        if (text.Length <= limit) return text;
        var marker = text.EndsWith(']') && text.LastIndexOf(" [", StringComparison.Ordinal) is var at and >= 0 && text.Length - at <= 8 ? text[at..] : "";
        var budget = Math.Max(1, limit - marker.Length - 1);
        var body = text[..^marker.Length];
        var cut = body.LastIndexOf(' ', Math.Min(budget, body.Length - 1));
        return string.Concat(body.AsSpan(0, cut > budget / 2 ? cut : budget).TrimEnd(), "…", marker);
    }
}
