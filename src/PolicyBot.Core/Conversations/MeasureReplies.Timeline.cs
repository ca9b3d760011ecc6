using System.Text;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Measures;

namespace PolicyBot.Core.Conversations;

public sealed partial class MeasureReplies
{
    public async Task<ChatReply> TimelineAsync(ChatCommand.Timeline command, CancellationToken cancellationToken)
    {
        var timeline = await register.TimelineAsync(command.Subject, cancellationToken);
        var about = string.Join(", ", new[] { timeline.Jurisdiction, timeline.Material }.OfType<string>()) is { Length: > 0 } a ? a : command.Subject;
        if (timeline.Entries.Count == 0)
            return new ChatReply(ReplyKind.Measures, $"No indexed measure is about \"{command.Subject}\". Try a material (graphite, lithium) or a jurisdiction (China, European Union).");

        var numbering = new CitationNumbering();
        var items = new List<MeasureSummary>();
        var text = new StringBuilder($"Timeline for {about} ({timeline.Entries.Count} measures), oldest first:");
        foreach (var entry in timeline.Entries)
        {
            var m = entry.Measure;
            var notes = entry.Links.Select(Note)
                .Concat(entry.Upcoming.Select(u => $"coming up: {PolicyDate.Format(Iso(u.Date))} — {(u.Kind == UpcomingKind.TakesEffect ? "takes effect" : u.Description)}"))
                .ToList();
            var item = Item(m, entry.Summary, numbering.Number(entry.Evidence, m)) with { Date = m.AnnouncedText ?? m.EffectiveText, Notes = notes };
            items.Add(item);
            text.Append($"\n- {PolicyDate.Format(item.Date) ?? "undated"} · {m.Jurisdiction ?? "—"} · {m.Title}")
                .Append(PolicyDate.Format(m.EffectiveText) is { } e ? $" — effective {e}" : "")
                .Append(m.Status is { } s ? $" — {s}" : "")
                .Append($" [{item.Citation}]");
            foreach (var note in notes) text.Append($"\n  ↳ {note}");
        }
        return new ChatReply(ReplyKind.Measures, text.ToString()) { Items = items, Citations = numbering.Citations };
    }

    private static string Note(TimelineLink link) =>
        $"{MeasureRelations.Describe(link.Relation)} {link.TargetTitle ?? link.TargetId}" +
        (link.TargetDate is { } d ? $" ({PolicyDate.Format(Iso(d))})" : "");
}
