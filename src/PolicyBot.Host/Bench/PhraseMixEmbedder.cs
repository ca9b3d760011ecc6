using System.Numerics.Tensors;
using PolicyBot.Core.Ingestion;
using static PolicyBot.Host.Bench.SyntheticVocabulary;

namespace PolicyBot.Host.Bench;

/// <summary>
/// Stand-in vectors for benchmark corpora too large to embed with the real model in the time available: the vocabulary's
/// phrases (places, agencies, materials, instruments, headings, statuses) are embedded once with the real model, and each
/// text's vector is the normalised sum of the vectors of the phrases it contains plus a small noise term seeded by the text.
/// The vectors live where the model's vectors live (same model, same space), so dense scores and search cost are realistic;
/// they are not what the model would give for the whole text. The bench output says when they are used.
/// </summary>
internal sealed class PhraseMixEmbedder(IEmbedder model) : IEmbedder
{
    private const float NoiseShare = 0.35f;
    private (string Phrase, float[] Vector)[]? _phrases;

    public string ModelId => model.ModelId;

    public int Dimensions => model.Dimensions;

    public int MaxTokens => model.MaxTokens;

    public int CountTokens(string text) => model.CountTokens(text);

    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var phrases = _phrases ??= await EmbedPhrasesAsync(cancellationToken);
        var result = new float[texts.Count][];
        for (var i = 0; i < texts.Count; i++) result[i] = Mix(texts[i], phrases);
        return result;
    }

    private float[] Mix(string text, (string Phrase, float[] Vector)[] phrases)
    {
        var vector = new float[Dimensions];
        foreach (var (phrase, phraseVector) in phrases)
            if (text.Contains(phrase, StringComparison.OrdinalIgnoreCase)) TensorPrimitives.Add(vector, phraseVector, vector);

        var signal = TensorPrimitives.Norm(vector);
        var random = new Random(StableHash(text));
        var noise = new float[Dimensions];
        for (var d = 0; d < noise.Length; d++) noise[d] = (float)(random.NextDouble() * 2 - 1);
        var scale = NoiseShare * Math.Max(signal, 1f) / TensorPrimitives.Norm(noise);
        TensorPrimitives.MultiplyAdd(noise, scale, vector, vector);
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }

    private async Task<(string, float[])[]> EmbedPhrasesAsync(CancellationToken cancellationToken)
    {
        var phrases = Jurisdictions.SelectMany(j => j.Agencies.Append(j.Name))
            .Concat(Materials.SelectMany(m => new[] { m.Name, m.Form, m.HsCode }))
            .Concat(Instruments.SelectMany(i => new[] { i.Kind, i.TitleNoun }))
            .Concat(Statuses).Concat(Goals).Concat(Reactions)
            .Concat(["Overview", "Dates", "Scope and thresholds", "Status", "Context"])
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var vectors = await model.EmbedAsync(phrases, cancellationToken);
        return phrases.Select((p, i) => (p, vectors[i])).ToArray();
    }

    // string.GetHashCode is randomised per process; FNV-1a is the same on every run.
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return (int)(hash & int.MaxValue);
    }
}
