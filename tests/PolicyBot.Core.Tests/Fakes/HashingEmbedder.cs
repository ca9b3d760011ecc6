using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Core.Tests.Fakes;

/// <summary>A deterministic bag-of-words embedder: stemmed words hashed into a unit vector. Texts sharing words are close.</summary>
public sealed class HashingEmbedder(int dimensions = 128) : IEmbedder
{
    public string ModelId => $"hashing-{dimensions}";
    public int Dimensions => dimensions;
    public int MaxTokens => 512;
    public int Calls { get; private set; }

    public int CountTokens(string text) => TextTerms.Words(text).Count();

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult(texts.Select(Embed).ToArray());
    }

    public float[] Embed(string text)
    {
        var vector = new float[dimensions];
        foreach (var word in TextTerms.Words(text).Where(w => !TextTerms.IsStopWord(w)).Select(TextTerms.Stem))
            vector[(int)((uint)StableHash(word) % (uint)dimensions)] += 1;
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm == 0) vector[0] = 1;
        else for (var i = 0; i < vector.Length; i++) vector[i] /= norm;
        return vector;
    }

    private static int StableHash(string s)
    {
        unchecked
        {
            var h = (int)2166136261;
            foreach (var c in s) h = (h ^ c) * 16777619;
            return h;
        }
    }
}
