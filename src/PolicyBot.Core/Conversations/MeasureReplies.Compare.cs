using PolicyBot.Core.Measures;

namespace PolicyBot.Core.Conversations;

public sealed partial class MeasureReplies
{
    public const string MeasureColumn = "Measure";

    public async Task<ChatReply> CompareAsync(ChatCommand.Compare command, CancellationToken cancellationToken)
    {
        var subjects = await MergeSubjectsAsync(command.Subjects, cancellationToken);
        var table = await register.CompareAsync(subjects, command.Material, cancellationToken);
        var numbering = new CitationNumbering();
        var rows = table.Rows.Select(row =>
        {
            var label = row.Measure is null ? row.Subject
                : string.Equals(row.Subject, row.Measure.Title, StringComparison.Ordinal) ? row.Measure.Title : $"{row.Subject}: {row.Measure.Title}";
            var first = new ReplyTableCell(label, row.Measure is not null && row.Evidence is not null ? numbering.Number(row.Evidence, row.Measure) : null);
            var cells = row.Cells.Select(c => c.Evidence is null || row.Measure is null
                ? new ReplyTableCell(ComparisonCell.NotFound)
                : new ReplyTableCell(c.Text, numbering.Number(c.Evidence, row.Measure)));
            return new ReplyTableRow([first, .. cells]);
        }).ToList();

        var names = string.Join(" and ", subjects.Select(SubjectResolver.Canonical));
        var measureCount = table.Rows.Count(r => r.Measure is not null);
        var heading = $"Comparison of {names}{(table.Material is { } m ? $" ({m})" : "")}: {measureCount} measure{(measureCount == 1 ? "" : "s")}. " +
            $"Each cell quotes a passage [n]; a cell without evidence says \"{ComparisonCell.NotFound}\".";
        var notice = table.Unresolved.Count > 0 ? $"Nothing in the documents matches {string.Join(", ", table.Unresolved.Select(u => $"\"{u}\""))}." : null;
        return new ChatReply(ReplyKind.Measures, heading)
        {
            Table = new ReplyTable([MeasureColumn, .. table.Columns], rows),
            Citations = numbering.Citations,
            Notice = notice,
        };
    }

    // `compare China United States`: adjacent words that together name a jurisdiction or measure id are one subject.
    private async Task<List<string>> MergeSubjectsAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var measures = await register.ListAsync(cancellationToken);
        var names = measures.Select(m => m.Jurisdiction).OfType<string>().Concat(measures.Select(m => m.Id)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var subjects = new List<string>();
        for (var i = 0; i < words.Count;)
        {
            var length = Math.Min(4, words.Count - i);
            while (length > 1 && !names.Contains(SubjectResolver.Canonical(string.Join(' ', words.Skip(i).Take(length))))) length--;
            subjects.Add(string.Join(' ', words.Skip(i).Take(length)));
            i += length;
        }
        return subjects;
    }
}
