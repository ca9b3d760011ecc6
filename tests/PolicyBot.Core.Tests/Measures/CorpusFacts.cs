using System.Text.RegularExpressions;

namespace PolicyBot.Core.Tests.Measures;

/// <summary>What the policy files say, read straight from their front matter and text, to check the register against.</summary>
internal static partial class CorpusFacts
{
    public sealed record Front(string Id, string Jurisdiction, string Announced, string Effective, string Status, string Body);

    public static IReadOnlyList<Front> All { get; } = Directory.EnumerateFiles(PolicyCorpusFixture.PoliciesPath, "*.md").Select(Read).ToList();

    public static Front Get(string id) => All.Single(f => f.Id == id);

    private static Front Read(string path)
    {
        var text = File.ReadAllText(path);
        var end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
        var front = text[..end];
        string Field(string name) => Regex.Match(front, $@"^{name}:[ \t]*""?(.*?)""?[ \t]*$", RegexOptions.Multiline).Groups[1].Value.Trim();
        return new Front(Field("id"), Field("jurisdiction"), Field("announced"), Field("effective"), Field("status"), text[end..]);
    }

    /// <summary>True when <paramref name="quote"/> is in the file's text (quotes are whole sentences, whitespace collapsed).</summary>
    public static bool Quotes(string id, string quote) =>
        Collapse(Get(id).Body.Replace("**", "", StringComparison.Ordinal)).Contains(Collapse(quote), StringComparison.Ordinal);

    private static string Collapse(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
