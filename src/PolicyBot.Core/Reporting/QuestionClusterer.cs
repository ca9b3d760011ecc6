namespace PolicyBot.Core.Reporting;

/// <summary>
/// Groups questions by meaning: each question, in the given order, joins the group whose centroid it is most similar to
/// (cosine of unit vectors) when that similarity reaches the threshold, and starts a new group otherwise. Deterministic:
/// the same questions in the same order give the same groups. Linear in questions × groups.
/// </summary>
public static class QuestionClusterer
{
    /// <summary>Paraphrases embedded by MiniLM usually score above this; different topics well below.</summary>
    public const double DefaultThreshold = 0.55;

    /// <param name="vectors">One unit-length vector per item, in the items' order.</param>
    /// <returns>Groups as item indexes, largest (by total weight) first; ties keep first-seen order.</returns>
    public static IReadOnlyList<IReadOnlyList<int>> Cluster(IReadOnlyList<float[]> vectors, double threshold, IReadOnlyList<int>? weights = null)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1.0);
        var groups = new List<Group>();
        for (var i = 0; i < vectors.Count; i++)
        {
            var weight = weights?[i] ?? 1;
            Group? best = null;
            var bestSimilarity = double.NegativeInfinity;
            foreach (var group in groups)
            {
                var similarity = group.SimilarityTo(vectors[i]);
                if (similarity > bestSimilarity) (best, bestSimilarity) = (group, similarity);
            }
            if (best is null || bestSimilarity < threshold)
            {
                best = new Group(vectors[i].Length, groups.Count);
                groups.Add(best);
            }
            best.Add(i, vectors[i], weight);
        }
        return groups.OrderByDescending(g => g.Weight).ThenBy(g => g.Order).Select(g => (IReadOnlyList<int>)g.Members).ToList();
    }

    /// <summary>The unit-length mean of the members' vectors.</summary>
    public static float[] Centroid(IEnumerable<float[]> vectors)
    {
        float[]? sum = null;
        foreach (var v in vectors)
        {
            sum ??= new float[v.Length];
            for (var d = 0; d < v.Length; d++) sum[d] += v[d];
        }
        if (sum is null) return [];
        var norm = MathF.Sqrt(sum.Sum(x => x * x));
        if (norm > 0) for (var d = 0; d < sum.Length; d++) sum[d] /= norm;
        return sum;
    }

    public static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var d = 0; d < a.Length; d++)
        {
            dot += a[d] * b[d];
            na += a[d] * a[d];
            nb += b[d] * b[d];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    private sealed class Group(int dimensions, int order)
    {
        private readonly double[] _sum = new double[dimensions];

        public List<int> Members { get; } = [];
        public int Weight { get; private set; }
        public int Order { get; } = order;

        public void Add(int index, float[] vector, int weight)
        {
            Members.Add(index);
            Weight += weight;
            for (var d = 0; d < _sum.Length; d++) _sum[d] += vector[d];
        }

        public double SimilarityTo(float[] vector)
        {
            double dot = 0, norm = 0;
            for (var d = 0; d < _sum.Length; d++)
            {
                dot += _sum[d] * vector[d];
                norm += _sum[d] * _sum[d];
            }
            return norm == 0 ? 0 : dot / Math.Sqrt(norm);
        }
    }
}
