using System.Text;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Measures;

namespace PolicyBot.Core.Conversations;

/// <summary>
/// latest / timeline / upcoming / compare as platform-neutral replies: the register's results with numbered citations,
/// as text (with [n] markers), as <see cref="ChatReply.Items"/> and, for compare, as a <see cref="ChatReply.Table"/>.
/// </summary>
public sealed partial class MeasureReplies(MeasureRegister register)
{
    public MeasureRegister Register => register;

    /// <summary>The reply to a measure command, or null when <paramref name="command"/> is not one.</summary>
    public async Task<ChatReply?> HandleAsync(ChatCommand command, CancellationToken cancellationToken) => command switch
    {
        ChatCommand.Latest l => await LatestAsync(l, cancellationToken),
        ChatCommand.Timeline t => await TimelineAsync(t, cancellationToken),
        ChatCommand.Compare c => await CompareAsync(c, cancellationToken),
        ChatCommand.Upcoming u => await UpcomingAsync(u, cancellationToken),
        _ => null,
    };

    public async Task<ChatReply> LatestAsync(ChatCommand.Latest command, CancellationToken cancellationToken)
    {
        DateOnly? since = null;
        if (command.Since is { } s)
        {
            if (!SinceDate.TryParse(s, register.Today, out var date)) return new ChatReply(ReplyKind.Error, $"--since takes {SinceDate.Formats}.");
            since = date;
        }
        var measures = await register.ListAsync(cancellationToken);
        var (jurisdiction, material) = SubjectResolver.Topic(command.Filters, measures);
        var query = new LatestQuery
        {
            Jurisdictions = [.. Split(command.Jurisdiction), .. jurisdiction is null || command.Jurisdiction is not null ? [] : new[] { jurisdiction }],
            Materials = [.. Split(command.Material), .. material is null || command.Material is not null ? [] : new[] { material }],
            Since = since,
            Limit = command.Limit ?? LatestQuery.DefaultLimit,
        };
        var entries = await register.LatestAsync(query, cancellationToken);
        var scope = Describe(query);
        if (entries.Count == 0) return new ChatReply(ReplyKind.Measures, $"No indexed measures match {scope}.");

        var numbering = new CitationNumbering();
        var items = entries.Select(e => Item(e.Measure, e.Summary, numbering.Number(e.Evidence, e.Measure)) with { Date = e.Measure.AnnouncedText }).ToList();
        var text = new StringBuilder($"Latest measures ({scope}), newest first:");
        foreach (var item in items)
            text.Append($"\n- {PolicyDate.Format(item.Announced)} · {item.Jurisdiction ?? "—"} · {item.Title}{Dates(item)}\n  {item.Summary} [{item.Citation}]");
        return new ChatReply(ReplyKind.Measures, text.ToString()) { Items = items, Citations = numbering.Citations };
    }

    public async Task<ChatReply> UpcomingAsync(ChatCommand.Upcoming command, CancellationToken cancellationToken)
    {
        var today = command.From ?? register.Today;
        var events = await register.UpcomingAsync(today, command.Days, cancellationToken);
        var window = $"the next {command.Days} days ({PolicyDate.Format(Iso(today))} – {PolicyDate.Format(Iso(today.AddDays(command.Days)))})";
        if (events.Count == 0) return new ChatReply(ReplyKind.Measures, $"Nothing in the indexed documents takes effect or falls due in {window}.");

        var numbering = new CitationNumbering();
        var items = events.Select(e => Item(e.Measure, Describe(e), numbering.Number(e.Evidence, e.Measure)) with { Date = Iso(e.Date), Notes = [Describe(e.Kind)] }).ToList();
        var text = new StringBuilder($"Coming up in {window}:");
        foreach (var item in items)
            text.Append($"\n- {PolicyDate.Format(item.Date)} · {item.Jurisdiction ?? "—"} · {item.Title} — {item.Notes[0]}: {item.Summary} [{item.Citation}]");
        return new ChatReply(ReplyKind.Measures, text.ToString()) { Items = items, Citations = numbering.Citations };
    }

    private static MeasureSummary Item(Measure m, string summary, int citation) =>
        new(m.Id, m.Title, m.Jurisdiction, m.AnnouncedText, m.EffectiveText, m.Status, m.Url) { Summary = summary, Citation = citation };

    private static string Dates(MeasureSummary item) =>
        (PolicyDate.Format(item.Effective) is { } e ? $" — effective {e}" : "") + (item.Status is { } s ? $" — {s}" : "");

    // What the item says: the sentence stating the date, or the status naming it.
    private static string Describe(UpcomingEvent e) => e.Kind == UpcomingKind.StatusDate ? e.Description : e.Evidence.Quote;

    private static string Describe(UpcomingKind kind) => kind switch
    {
        UpcomingKind.TakesEffect => "takes effect",
        UpcomingKind.StatusDate => "status date",
        _ => "deadline",
    };

    private static string Describe(LatestQuery q)
    {
        var parts = q.Jurisdictions.Concat(q.Materials).ToList();
        var scope = parts.Count == 0 ? "all jurisdictions and materials" : string.Join(", ", parts);
        return q.Since is { } since ? $"{scope}, since {PolicyDate.Format(Iso(since))}" : scope;
    }

    private static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(SubjectResolver.Canonical);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
