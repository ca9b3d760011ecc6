namespace PolicyBot.Core.Ingestion.Chunking;

/// <summary>
/// A tokenizer-free estimate of BERT-style word pieces: one per punctuation mark and about one per eight letters or
/// digits of each word. Errs high for ordinary prose. Prefer the embedder's own <see cref="IEmbedder.CountTokens"/>.
/// </summary>
public static class ApproximateTokenCounter
{
    private const int CharactersPerPiece = 8;

    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = 0;
        var run = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                run++;
                continue;
            }
            tokens += Pieces(run);
            run = 0;
            if (!char.IsWhiteSpace(c)) tokens++;
        }
        return tokens + Pieces(run);
    }

    private static int Pieces(int letters) => (letters + CharactersPerPiece - 1) / CharactersPerPiece;
}
