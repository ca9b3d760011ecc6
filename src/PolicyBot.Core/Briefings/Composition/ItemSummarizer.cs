using System.Text.RegularExpressions;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Ingestion.Chunking;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Core.Briefings.Composition;

/// <summary>
/// A briefing item's one-to-three-sentence summary, through the answer pipeline:
/// the document's first passages ─► "What is &lt;title&gt;?" ─► <see cref="IAnswerComposer"/> ─► <see cref="CitationPostProcessor"/>
/// ─► the first cited sentences (the extractive composer's metadata lead is skipped: the item already shows it).
/// </summary>
internal sealed partial class ItemSummarizer(IPassageIndex index, IAnswerComposer composer)
{
    public const int MaxPassages = 8, MaxSentences = 3, MaxLength = 600;

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\s*(?:[-*•]|\d+[.)])\s+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    /// <summary>Summary text without a marker, and the citation (numbered 0) it rests on; null when the document has no passages.</summary>
    public async Task<(string Text, Citation Citation)?> SummarizeAsync(DocumentRecord document, DateOnly today, CancellationToken cancellationToken)
    {
        var passages = (await index.GetPassagesAsync(document.Id, cancellationToken))
            .OrderBy(p => p.Ordinal).Take(MaxPassages)
            .Select((p, i) => new ScoredPassage(p, document, 1.0 - i * 0.01, null, null))
            .ToList();
        if (passages.Count == 0) return null;

        var question = $"What is {document.Title}?";
        var context = new AnswerContext(QueryAnalysis.Analyse(question, []), passages, [], today);
        var composed = await composer.ComposeAsync(context, cancellationToken);
        var (text, citations) = CitationPostProcessor.Process(composed.Text, passages);

        var lead = PassageFormatter.DescribeDocument(document);
        var kept = new List<string>();
        Citation? citation = null;
        foreach (var (sentence, number) in CitedSentences(text, lead))
        {
            if (kept.Count > 0 && kept.Sum(s => s.Length + 1) + sentence.Length > MaxLength) break;
            citation ??= citations.FirstOrDefault(c => c.Number == number);
            kept.Add(sentence);
            if (kept.Count == MaxSentences) break;
        }
        if (kept.Count == 0 || citation is null)
        {
            // The composer cited nothing usable: fall back to the document's opening sentence, still a quote with its source.
            var first = passages[0];
            var opening = SentenceSplitter.Split(first.Passage.Text).FirstOrDefault(s => s.Length >= 20) ?? PassageFormatter.DescribeDocument(document) + ".";
            return (opening, CitationPostProcessor.Process("[1]", [first]).Citations[0] with { Number = 0 });
        }
        return (string.Join(' ', kept), citation with { Number = 0 });
    }

    /// <summary>
    /// The text's sentences that carry a valid marker, markers removed, each with its first marker's number; a line that is
    /// just the document's description (the extractive composer's lead) is skipped.
    /// </summary>
    private static IEnumerable<(string Sentence, int Number)> CitedSentences(string text, string lead)
    {
        var pieces = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var content = Bullet().Replace(line, "");
            if (Marker().Replace(content, "").Trim().TrimEnd('.') == lead.TrimEnd('.')) continue;
            foreach (var piece in SentenceSplitter.Split(content))
            {
                // "Sentence. [1]" splits into "Sentence." and "[1]": the marker belongs to the sentence before it.
                if (pieces.Count > 0 && Marker().Replace(piece, "").Trim().Length == 0) pieces[^1] += " " + piece;
                else pieces.Add(piece);
            }
        }
        foreach (var piece in pieces)
        {
            var marker = Marker().Match(piece);
            if (!marker.Success) continue;
            var sentence = Spaces().Replace(Marker().Replace(piece, ""), " ").Replace(" .", ".", StringComparison.Ordinal).Trim();
            if (sentence.Length > 0) yield return (sentence, int.Parse(marker.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
