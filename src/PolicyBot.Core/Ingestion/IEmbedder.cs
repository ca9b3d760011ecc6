namespace PolicyBot.Core.Ingestion;

/// <summary>Turns text into unit-length vectors for the dense index.</summary>
public interface IEmbedder
{
    /// <summary>Identifies the model; the index records it so a model change asks for re-ingestion.</summary>
    string ModelId { get; }

    int Dimensions { get; }

    /// <summary>Most tokens the model reads from one input; longer input is truncated by the model.</summary>
    int MaxTokens { get; }

    /// <summary>Counts the model's tokens in <paramref name="text"/> (excluding special tokens), for chunk sizing.</summary>
    int CountTokens(string text);

    /// <summary>Embeds a batch; each vector is L2-normalised.</summary>
    Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
