using System.Collections.Concurrent;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Core.Measures;

/// <summary>
/// The measures the indexed documents describe, read from the index on every query (so ingestion keeps it current):
/// front matter ─► <see cref="Measure"/> records ─► latest / timeline / upcoming / compare, each item cited by a passage sentence.
/// "Today" comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class MeasureRegister(IPassageIndex index, TimeProvider time)
{
    // Sentences per document, reused while the document's content hash is unchanged.
    private readonly ConcurrentDictionary<string, (string Hash, DocumentText Text)> _texts = new(StringComparer.Ordinal);

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<Measure>> ListAsync(CancellationToken cancellationToken) =>
        (await index.ListDocumentsAsync(cancellationToken)).Select(Measure.From).ToList();

    /// <summary>Newest first by announced date, announced no later than today; ties by title.</summary>
    public async Task<IReadOnlyList<MeasureEntry>> LatestAsync(LatestQuery query, CancellationToken cancellationToken)
    {
        var documents = await DocumentsAsync(cancellationToken);
        var today = Today;
        var picked = documents.Values.Select(d => (Document: d, Measure: Measure.From(d)))
            .Where(x => x.Measure.Announced is { } a && a <= today && query.Matches(x.Measure))
            .OrderByDescending(x => x.Measure.Announced).ThenBy(x => x.Measure.Title, StringComparer.Ordinal)
            .Take(Math.Max(1, query.Limit));
        var entries = new List<MeasureEntry>();
        foreach (var (document, measure) in picked)
        {
            var text = await TextAsync(document, cancellationToken);
            if (EvidenceFinder.Summary(text) is { } summary) entries.Add(new MeasureEntry(measure, summary.Text, text.Cite(summary)));
        }
        return entries;
    }

    /// <summary>The measures about a material or jurisdiction (or whose title names the subject) and the measures linked to them as suspending, amending or replacing, oldest first.</summary>
    public async Task<Timeline> TimelineAsync(string subject, CancellationToken cancellationToken)
    {
        var documents = await DocumentsAsync(cancellationToken);
        var measures = documents.Values.Select(Measure.From).ToList();
        var (jurisdiction, material) = SubjectResolver.Topic(subject, measures);
        var canonical = SubjectResolver.Canonical(subject);
        Func<Measure, bool> matches = jurisdiction is null && material is null
            ? m => canonical.Length >= 3 && (m.Title.Contains(canonical, StringComparison.OrdinalIgnoreCase) || m.Id.Equals(canonical, StringComparison.OrdinalIgnoreCase))
            : m => (jurisdiction is null || EvidenceFinder.MentionsWord(m.Jurisdiction, jurisdiction)) &&
                   (material is null || m.Materials.Any(x => EvidenceFinder.Mentions(x, material)));
        var selected = measures.Where(matches).ToDictionary(m => m.Id, StringComparer.Ordinal);
        // The measures that suspend, amend or replace a matching one belong in its timeline, whatever they are about.
        foreach (var link in selected.Values.ToList().SelectMany(m => m.Links).Where(l => MeasureRelations.IsChangedBy(l.Relation)))
            if (!selected.ContainsKey(link.TargetId) && measures.FirstOrDefault(m => m.Id == link.TargetId) is { } linked) selected[linked.Id] = linked;

        var today = Today;
        var entries = new List<TimelineEntry>();
        foreach (var measure in selected.Values.OrderBy(m => m.Date ?? DateOnly.MaxValue).ThenBy(m => m.Effective ?? DateOnly.MaxValue).ThenBy(m => m.Title, StringComparer.Ordinal))
        {
            var text = await TextAsync(documents[measure.Id], cancellationToken);
            var summary = EvidenceFinder.Summary(text);
            if (summary is null) continue;
            var dated = measure.Announced is { } a ? EvidenceFinder.AnnouncementStated(text, a, TextDates.IsMonthPrecision(measure.AnnouncedText)) : null;
            var links = measure.Links.Where(l => MeasureRelations.IsChangedBy(l.Relation) || MeasureRelations.ChangesStatus(l.Relation) && selected.ContainsKey(l.TargetId))
                .Select(l => measures.FirstOrDefault(m => m.Id == l.TargetId) is { } t
                    ? new TimelineLink(l.Relation, l.TargetId, t.Title, t.Date)
                    : new TimelineLink(l.Relation, l.TargetId, null, null))
                .ToList();
            var upcoming = UpcomingFinder.Find(measure, text, today.AddDays(1), DateOnly.MaxValue).Where(e => e.Kind != UpcomingKind.Deadline).ToList();
            entries.Add(new TimelineEntry(measure, summary.Text, text.Cite(dated ?? summary), links, upcoming));
        }
        return new Timeline(subject, jurisdiction, material, entries);
    }

    /// <summary>Effective dates, status dates and stated deadlines from today to <paramref name="days"/> days ahead, soonest first.</summary>
    public Task<IReadOnlyList<UpcomingEvent>> UpcomingAsync(int days, CancellationToken cancellationToken) =>
        UpcomingAsync(Today, days, cancellationToken);

    public async Task<IReadOnlyList<UpcomingEvent>> UpcomingAsync(DateOnly from, int days, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var to = from.AddDays(days);
        var events = new List<UpcomingEvent>();
        foreach (var document in (await DocumentsAsync(cancellationToken)).Values)
            events.AddRange(UpcomingFinder.Find(Measure.From(document), await TextAsync(document, cancellationToken), from, to));
        return events.OrderBy(e => e.Date).ThenBy(e => e.Kind).ThenBy(e => e.Measure.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A row per measure of each jurisdiction (at most <see cref="MeasureComparer.MaxRowsPerSubject"/>, the ones most about
    /// <paramref name="material"/> first) or per named measure; a subject matching nothing gets a row of "not found" cells.
    /// </summary>
    public async Task<ComparisonTable> CompareAsync(IReadOnlyList<string> subjects, string? material, CancellationToken cancellationToken)
    {
        var documents = await DocumentsAsync(cancellationToken);
        var measures = documents.Values.Select(Measure.From).ToList();
        material = string.IsNullOrWhiteSpace(material) ? null : material.Trim();
        var rows = new List<ComparisonRow>();
        var unresolved = new List<string>();
        foreach (var name in subjects.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            var subject = SubjectResolver.Resolve(name, measures);
            var picked = subject switch
            {
                null => [],
                { Measure: { } one } => [one],
                _ => MeasureComparer.Rank(measures.Where(subject.Includes), material).Take(MeasureComparer.MaxRowsPerSubject).ToList(),
            };
            if (subject is null) unresolved.Add(name);
            if (picked.Count == 0) rows.Add(MeasureComparer.Missing(subject?.Name ?? name));
            foreach (var measure in picked)
                rows.Add(MeasureComparer.Row(subject!.Name, measure, await TextAsync(documents[measure.Id], cancellationToken), material));
        }
        return new ComparisonTable(ComparisonTable.DefaultColumns, rows, unresolved, material);
    }

    private async Task<Dictionary<string, DocumentRecord>> DocumentsAsync(CancellationToken cancellationToken)
    {
        var documents = (await index.ListDocumentsAsync(cancellationToken)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        foreach (var gone in _texts.Keys.Where(id => !documents.ContainsKey(id))) _texts.TryRemove(gone, out _);
        return documents;
    }

    private async Task<DocumentText> TextAsync(DocumentRecord document, CancellationToken cancellationToken)
    {
        if (_texts.TryGetValue(document.Id, out var cached) && cached.Hash == Version(document)) return cached.Text;
        var text = DocumentText.From(document, await index.GetPassagesAsync(document.Id, cancellationToken));
        _texts[document.Id] = (Version(document), text);
        return text;
    }

    private static string Version(DocumentRecord d) => $"{d.ContentHash}|{d.IngestedAt:O}";
}
