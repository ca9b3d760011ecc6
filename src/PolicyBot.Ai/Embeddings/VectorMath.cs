using System.Numerics.Tensors;

namespace PolicyBot.Ai.Embeddings;

internal static class VectorMath
{
    /// <summary>Scales <paramref name="vector"/> to unit length (as torch's normalize does, with a tiny floor against division by zero).</summary>
    public static void NormalizeInPlace(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        TensorPrimitives.Divide(vector, MathF.Max(norm, 1e-12f), vector);
    }
}
