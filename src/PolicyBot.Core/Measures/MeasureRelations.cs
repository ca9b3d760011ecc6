namespace PolicyBot.Core.Measures;

/// <summary>The relation names used in front matter, and how they read in a sentence.</summary>
public static class MeasureRelations
{
    public const string Suspends = "suspends", SuspendedBy = "suspended_by", Amends = "amends", AmendedBy = "amended_by",
        Replaces = "replaces", ReplacedBy = "replaced_by", RespondsTo = "responds_to", Related = "related";

    private static readonly string[] Ordered = [SuspendedBy, Suspends, AmendedBy, Amends, ReplacedBy, Replaces, RespondsTo, Related];

    /// <summary>"suspended_by" → "suspended by".</summary>
    public static string Describe(string relation) => relation.Replace('_', ' ');

    /// <summary>True for links that change what a measure does (everything but <c>related</c>).</summary>
    public static bool ChangesStatus(string relation) => !string.Equals(relation, Related, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for links from a measure to the one that suspends, amends or replaces it.</summary>
    public static bool IsChangedBy(string relation) =>
        relation.ToLowerInvariant() is SuspendedBy or AmendedBy or ReplacedBy;

    internal static int Order(string relation)
    {
        var i = Array.IndexOf(Ordered, relation.ToLowerInvariant());
        return i < 0 ? Ordered.Length : i;
    }
}
