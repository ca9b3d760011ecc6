using System.Text.Json.Nodes;
using PolicyBot.Core.Answering;

namespace PolicyBot.Teams.Rendering;

/// <summary>
/// Teams' AI-generated label and in-text citations: one schema.org Message entity with additionalType AIGeneratedContent
/// and a Claim per [n] marker, whose appearance is the cited document with the quoted passage as its abstract.
/// </summary>
public static class AiMessageEntity
{
    public const int MaxNameLength = 80, MaxAbstractLength = 160;

    public static JsonObject Build(IReadOnlyList<Citation> citations)
    {
        var entity = new JsonObject
        {
            ["type"] = "https://schema.org/Message",
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            ["@id"] = "",
            ["additionalType"] = new JsonArray("AIGeneratedContent"),
        };
        if (citations.Count > 0)
            entity["citation"] = new JsonArray(citations.Select(Claim).ToArray<JsonNode?>());
        return entity;
    }

    private static JsonObject Claim(Citation c)
    {
        var appearance = new JsonObject
        {
            ["@type"] = "DigitalDocument",
            ["name"] = Trim(c.Title, MaxNameLength),
            ["abstract"] = Trim(c.Quote, MaxAbstractLength),
        };
        if (c.Url is not null) appearance["url"] = c.Url;
        var keywords = new[] { c.Jurisdiction, Core.Domain.PolicyDate.Format(c.Effective ?? c.Announced) }.OfType<string>().ToArray();
        if (keywords.Length > 0) appearance["keywords"] = new JsonArray(keywords.Select(k => (JsonNode?)k).ToArray());
        return new JsonObject { ["@type"] = "Claim", ["position"] = c.Number, ["appearance"] = appearance };
    }

    private static string Trim(string text, int max)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= max ? flat : flat[..(max - 1)].TrimEnd() + "…";
    }
}
