using System.Text;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Ingestion.Chunking;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Core.Answering;

/// <summary>
/// The offline composer. It writes nothing of its own: each line is either a document's metadata (title, jurisdiction, dates,
/// status) or a sentence copied from a retrieved passage, and each carries the <c>[n]</c> of the passage it came from.
/// </summary>
public static class ExtractiveComposer
{
    private const int MaxDocuments = 3, MaxDocumentsWide = 5;
    private const int SentencesLeading = 5, SentencesOther = 2, SentencesWide = 3;
    private const double RelativeScoreToInclude = 0.6, RelativeScoreToIncludeWide = 0.4;

    public static string Compose(AnswerContext context)
    {
        var documents = ChooseDocuments(context);
        var wide = context.Query.IsComparison || context.Query.IsTimeline;
        var sb = new StringBuilder();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (document, numbers, leading) in documents)
        {
            sb.Append(PassageFormatter.DescribeDocument(document)).Append(". [").Append(numbers[0] + 1).AppendLine("]");
            var count = leading ? SentencesLeading : wide ? SentencesWide : SentencesOther;
            foreach (var (sentence, number) in PickSentences(context, numbers, count, allowUnmatched: leading, used))
                sb.Append("- ").Append(sentence).Append(" [").Append(number + 1).AppendLine("]");
            sb.AppendLine();
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>The documents to present, each with the indexes of its passages in the context (best first); the best-ranked one is leading.</summary>
    private static List<(DocumentRecord Document, List<int> Numbers, bool Leading)> ChooseDocuments(AnswerContext context)
    {
        var groups = new List<(DocumentRecord Document, List<int> Numbers, double Best, bool Expanded)>();
        for (var i = 0; i < context.Passages.Count; i++)
        {
            var p = context.Passages[i];
            var index = groups.FindIndex(g => g.Document.Id == p.Document.Id);
            if (index < 0) groups.Add((p.Document, [i], p.Score, p.Expanded));
            else groups[index].Numbers.Add(i);
        }
        if (groups.Count == 0) return [];

        var wide = context.Query.IsComparison || context.Query.IsTimeline;
        var threshold = groups[0].Best * (wide ? RelativeScoreToIncludeWide : RelativeScoreToInclude);
        var ranked = groups.Where((g, i) => i == 0 || (!g.Expanded && g.Best >= threshold)).Take(wide ? MaxDocumentsWide : MaxDocuments);
        var chosen = ranked.Concat(groups.Where(g => g.Expanded)).DistinctBy(g => g.Document.Id).ToList();
        if (context.Query.IsTimeline)
            chosen = [.. chosen.OrderBy(g => g.Document.Metadata.AnnouncedDate ?? DateOnly.MaxValue)];
        var leadingId = groups[0].Document.Id;
        return chosen.Select(g => (g.Document, g.Numbers, g.Document.Id == leadingId)).ToList();
    }

    private static IEnumerable<(string Sentence, int Number)> PickSentences(
        AnswerContext context, List<int> numbers, int count, bool allowUnmatched, HashSet<string> used)
    {
        var document = context.Passages[numbers[0]].Document;
        var split = numbers.OrderBy(n => context.Passages[n].Passage.Ordinal)
            .SelectMany(n => SentenceSplitter.Split(context.Passages[n].Passage.Text).Select(sentence => (Sentence: sentence, Number: n)))
            .ToList();
        var scorer = new SentenceScorer(context.Query, split.Select(s => s.Sentence).ToList(), document);
        var candidates = split.Select((s, order) => (s.Sentence, s.Number, Order: order, Score: scorer.Score(s.Sentence))).ToList();

        return candidates
            .Where(c => c.Sentence.Length >= 20 && (c.Score.Matched > 0 || (allowUnmatched && c.Score.Total > 0)))
            .OrderByDescending(c => c.Score.Total).ThenBy(c => c.Order)
            .Where(c => used.Add(string.Join(' ', TextTerms.Words(c.Sentence))))
            .Take(count)
            .OrderBy(c => c.Order)
            .Select(c => (c.Sentence, c.Number));
    }
}
