namespace PolicyBot.Core.Measures;

/// <summary>Reads what a user typed ("US", "China graphite", "Announcement No. 58") as jurisdictions, materials or measures of the register.</summary>
internal static class SubjectResolver
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["US"] = "United States", ["USA"] = "United States", ["U.S."] = "United States", ["U.S"] = "United States", ["America"] = "United States",
        ["EU"] = "European Union", ["E.U."] = "European Union", ["PRC"] = "China", ["DRC"] = "Democratic Republic of the Congo",
        ["Korea"] = "South Korea", ["UK"] = "United Kingdom",
    };

    public static string Canonical(string phrase)
    {
        var trimmed = phrase.Trim().Trim('"', '\'', ',', '?', '.');
        return Aliases.TryGetValue(trimmed, out var name) ? name : trimmed;
    }

    /// <summary>A compare subject: a measure id, a jurisdiction, or (part of) a measure's title.</summary>
    public static CompareSubject? Resolve(string subject, IReadOnlyList<Measure> measures)
    {
        var name = Canonical(subject);
        if (name.Length < 2) return null;
        if (measures.FirstOrDefault(m => string.Equals(m.Id, name, StringComparison.OrdinalIgnoreCase)) is { } byId)
            return new CompareSubject(byId.Title, byId, null, Exact: true);
        var jurisdictions = measures.Select(m => m.Jurisdiction).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (jurisdictions.FirstOrDefault(j => string.Equals(j, name, StringComparison.OrdinalIgnoreCase)) is { } exact)
            return new CompareSubject(exact, null, exact, Exact: true);
        var byTitle = measures.Where(m => name.Length >= 3 && m.Title.Contains(name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(m => m.Title.IndexOf(name, StringComparison.OrdinalIgnoreCase)).ThenBy(m => m.Title.Length).FirstOrDefault();
        if (byTitle is not null) return new CompareSubject(byTitle.Title, byTitle, null, Exact: true);
        return jurisdictions.Any(j => EvidenceFinder.MentionsWord(j, name)) ? new CompareSubject(name, null, name, Exact: false) : null;
    }

    /// <summary>Free words ("China graphite", "United States") read as one jurisdiction and one material, longest phrases first.</summary>
    public static (string? Jurisdiction, string? Material) Topic(string? words, IReadOnlyList<Measure> measures, string? jurisdiction = null, string? material = null)
    {
        var tokens = (words ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var i = 0;
        while (i < tokens.Count)
        {
            var matched = false;
            for (var length = Math.Min(4, tokens.Count - i); length >= 1 && !matched; length--)
            {
                var phrase = Canonical(string.Join(' ', tokens.Skip(i).Take(length)));
                if (jurisdiction is null && IsJurisdiction(phrase, measures)) (jurisdiction, matched) = (phrase, true);
                else if (material is null && measures.Any(m => m.Materials.Any(x => EvidenceFinder.Mentions(x, phrase)))) (material, matched) = (phrase, true);
                if (matched) i += length;
            }
            if (!matched) i++;
        }
        return (jurisdiction, material);
    }

    // Whole words only, so "US" never matches "Australia".
    private static bool IsJurisdiction(string phrase, IReadOnlyList<Measure> measures) =>
        measures.Any(m => EvidenceFinder.MentionsWord(m.Jurisdiction, phrase));
}

/// <param name="Measure">Set when the subject named one measure.</param>
/// <param name="Jurisdiction">Set when the subject named a jurisdiction.</param>
/// <param name="Exact">A jurisdiction named exactly as in the documents (rows then take only its own measures, not joint ones).</param>
internal sealed record CompareSubject(string Name, Measure? Measure, string? Jurisdiction, bool Exact)
{
    public bool Includes(Measure m) => Jurisdiction is { } j && m.Jurisdiction is { } mj &&
        (Exact ? string.Equals(mj, j, StringComparison.OrdinalIgnoreCase) : EvidenceFinder.MentionsWord(mj, j));
}
