using System.Text;
using System.Text.RegularExpressions;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Ingestion.Chunking;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Core.Answering;

/// <summary>
/// The offline composer. It writes nothing of its own: each line is either a document's metadata (title, jurisdiction, dates,
/// status) or a sentence copied from a retrieved passage, and each carries the <c>[n]</c> of the passage it came from.
/// </summary>
public static partial class ExtractiveComposer
{
    private const int MaxDocuments = 3, MaxDocumentsWide = 5, SentencesLeading = 3, SentencesOther = 2;

    [GeneratedRegex(@"\b(19|20)\d{2}\b|\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\d")]
    private static partial Regex DigitPattern();

    public static string Compose(AnswerContext context)
    {
        var query = context.Query;
        var documents = ChooseDocuments(context);
        var sb = new StringBuilder();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var d = 0; d < documents.Count; d++)
        {
            var (document, numbers) = documents[d];
            sb.Append(PassageFormatter.DescribeDocument(document)).Append(". [").Append(numbers[0] + 1).AppendLine("]");
            var picked = PickSentences(context, numbers, d == 0 ? SentencesLeading : SentencesOther, used);
            foreach (var (sentence, number) in picked)
                sb.Append("- ").Append(sentence).Append(" [").Append(number + 1).AppendLine("]");
            sb.AppendLine();
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>The documents to present, each with the indexes of its passages in the context (best first).</summary>
    private static List<(DocumentRecord Document, List<int> Numbers)> ChooseDocuments(AnswerContext context)
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
        var limit = wide ? MaxDocumentsWide : MaxDocuments;
        var top = groups[0].Best;
        var chosen = groups.Where((g, i) => i == 0 || g.Expanded || (wide ? g.Best >= top * 0.5 : g.Best >= top * 0.8))
            .Take(limit + groups.Count(g => g.Expanded))
            .ToList();
        if (context.Query.IsTimeline)
            chosen = [.. chosen.OrderBy(g => g.Document.Metadata.AnnouncedDate ?? DateOnly.MaxValue)];
        return chosen.Select(g => (g.Document, g.Numbers)).ToList();
    }

    private static List<(string Sentence, int Number)> PickSentences(AnswerContext context, List<int> numbers, int count, HashSet<string> used)
    {
        var query = context.Query;
        var candidates = new List<(string Sentence, int Number, int Order, double Score)>();
        var order = 0;
        foreach (var n in numbers.OrderBy(n => context.Passages[n].Passage.Ordinal))
        {
            foreach (var sentence in SentenceSplitter.Split(context.Passages[n].Passage.Text))
            {
                var score = Score(sentence, query);
                candidates.Add((sentence, n, order++, score));
            }
        }
        return candidates
            .Where(c => c.Score > 0 && c.Sentence.Length >= 20)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Order)
            .Where(c => used.Add(Normalise(c.Sentence)))
            .Take(count)
            .OrderBy(c => c.Order)
            .Select(c => (c.Sentence, c.Number))
            .ToList();
    }

    private static double Score(string sentence, QueryAnalysis query)
    {
        var stems = TextTerms.StemSet(sentence);
        double score = 0;
        foreach (var term in query.ContentTerms)
            if (TextTerms.Occurs(term, stems)) score += term.Length >= 6 || term.Any(char.IsDigit) ? 1.2 : 1.0;
        if (score == 0) return 0;
        if ((query.AsksForDate || query.IsTemporal || query.IsTimeline) && DatePattern().IsMatch(sentence)) score += 0.6;
        if (query.AsksForFigure && DigitPattern().IsMatch(sentence)) score += 0.6;
        if (sentence.Length > 400) score -= 0.5;
        return score;
    }

    private static string Normalise(string sentence) => string.Join(' ', TextTerms.Words(sentence));
}
