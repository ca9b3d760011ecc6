using System.Text.RegularExpressions;

namespace PolicyBot.Core.Measures;

/// <summary>Threshold figures in a sentence: "300 Wh/kg or more", "above 99.9%", "at least 2.5 g/cm3", "$7,500", "40,000 tonnes".</summary>
internal static partial class Figures
{
    [GeneratedRegex(@"(?:\b(?:at least|above|below|over|under|more than|less than|up to|exceeding|no more than|a minimum of|a maximum of)\s+)?" +
        @"(?:(?:US\$|C\$|A\$|\$|€|£)\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:billion|million|bn))?" +
        @"|(?<![\w.])\d[\d,]*(?:\.\d+)?\s?(?:%|per ?cent\b|Wh/kg\b|mAh/g\b|g/cm3\b|g/cc\b|MPa\b|kWh\b|GWh\b|MW\b|tonnes?\b|tons?\b|kg\b|ppm\b))" +
        @"(?:\s+or (?:more|less|higher|lower|above|below))?", RegexOptions.IgnoreCase)]
    private static partial Regex FigurePattern();

    /// <summary>Each figure with the index just after it in the sentence, in order.</summary>
    public static IEnumerable<(string Figure, int End)> Locate(string sentence) =>
        FigurePattern().Matches(sentence).Select(m => (m.Value.Trim(), m.Index + m.Length));

    public static IReadOnlyList<string> Find(string sentence) =>
        FigurePattern().Matches(sentence).Select(m => m.Value.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
