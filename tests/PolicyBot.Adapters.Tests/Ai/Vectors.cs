namespace PolicyBot.Adapters.Tests.Ai;

internal static class Vectors
{
    public static double Cosine(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * (double)b[i];
            normA += a[i] * (double)a[i];
            normB += b[i] * (double)b[i];
        }

        return dot / Math.Sqrt(normA * normB);
    }

    public static double Norm(float[] a) => Math.Sqrt(a.Sum(x => x * (double)x));
}
