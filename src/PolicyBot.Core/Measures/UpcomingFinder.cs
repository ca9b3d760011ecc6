using System.Text.RegularExpressions;

namespace PolicyBot.Core.Measures;

/// <summary>
/// Dates of one measure that fall in a window: the effective date, dates in the status ("until 10 November 2026"), and
/// dated obligations in the passages ("From 18 February 2027, ... must"). One event per date, the most authoritative kept.
/// The sentence-level rule is a heuristic: it can list a date a sentence mentions in passing; each item quotes its sentence so a reader can judge.
/// </summary>
internal static partial class UpcomingFinder
{
    // A dated sentence counts as a deadline only when it says something must, will or starts to apply then;
    // "X was suspended until 10 November 2026" in another measure's document is that measure's date, not this one's.
    [GeneratedRegex(@"\b(will|must|shall|due|deadline|expires?|takes? effect|scheduled|planned|set to|payable|appl(?:y|ies)|obligations?|required|lasts)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ForwardCue();

    public static IEnumerable<UpcomingEvent> Find(Measure measure, DocumentText text, DateOnly from, DateOnly to)
    {
        var events = new Dictionary<DateOnly, UpcomingEvent>();
        var summary = EvidenceFinder.Summary(text);
        if (summary is null) return [];

        if (measure.Effective is { } effective && effective >= from && effective <= to)
        {
            var stated = EvidenceFinder.DateStated(text, effective, TextDates.IsMonthPrecision(measure.EffectiveText)) ?? summary;
            events[effective] = new UpcomingEvent(effective, measure, UpcomingKind.TakesEffect, "takes effect", text.Cite(stated));
        }
        // "since 1 December 2023" looks back, and the announcement itself is not something coming up.
        foreach (var found in TextDates.Find(measure.Status ?? "")
            .Where(f => f.Date >= from && f.Date <= to && f.Preposition != "since" && f.Date != measure.Announced && !events.ContainsKey(f.Date)))
        {
            var stated = EvidenceFinder.DateStated(text, found.Date, monthPrecision: false) ?? summary;
            events[found.Date] = new UpcomingEvent(found.Date, measure, UpcomingKind.StatusDate, measure.Status!, text.Cite(stated));
        }
        // Sentences about other measures state their dates, not this one's.
        foreach (var sentence in text.Sentences.Where(s => !EvidenceFinder.IsAside(s)))
        {
            foreach (var found in TextDates.Find(sentence.Text).Where(f => f.Date >= from && f.Date <= to && !events.ContainsKey(f.Date)))
            {
                if (ForwardCue().IsMatch(sentence.Text))
                    events[found.Date] = new UpcomingEvent(found.Date, measure, UpcomingKind.Deadline, sentence.Text, text.Cite(sentence));
            }
        }
        return events.Values.OrderBy(e => e.Date);
    }
}
