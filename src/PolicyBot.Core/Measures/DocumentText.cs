using PolicyBot.Core.Domain;
using PolicyBot.Core.Ingestion.Chunking;

namespace PolicyBot.Core.Measures;

/// <summary>A sentence of an indexed passage: the unit the register quotes and cites.</summary>
internal sealed record SourceSentence(string PassageId, int Ordinal, string? Heading, string Text);

/// <summary>A document's sentences in reading order, each once (passages overlap by a sentence).</summary>
internal sealed class DocumentText
{
    private DocumentText(DocumentRecord document, IReadOnlyList<SourceSentence> sentences) => (Document, Sentences) = (document, sentences);

    public DocumentRecord Document { get; }
    public IReadOnlyList<SourceSentence> Sentences { get; }

    public static DocumentText From(DocumentRecord document, IReadOnlyList<Passage> passages)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sentences = passages.OrderBy(p => p.Ordinal)
            .SelectMany(p => SentenceSplitter.Split(p.Text).Select(s => new SourceSentence(p.Id, p.Ordinal, p.Heading, s)))
            .Where(s => seen.Add(s.Text))
            .ToList();
        return new DocumentText(document, sentences);
    }

    public Evidence Cite(SourceSentence sentence) => new(Document.Id, sentence.PassageId, sentence.Text);

    /// <summary>The highest-scoring sentence (earliest on ties), or null when none scores above zero.</summary>
    public SourceSentence? Best(Func<SourceSentence, double> score)
    {
        SourceSentence? best = null;
        var bestScore = 0.0;
        foreach (var sentence in Sentences)
        {
            var s = score(sentence);
            if (s > bestScore) (best, bestScore) = (sentence, s);
        }
        return best;
    }
}
