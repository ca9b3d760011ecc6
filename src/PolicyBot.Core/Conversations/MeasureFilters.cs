using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Conversations;

/// <summary>Turns "latest China graphite" into a jurisdiction and a material known to the index.</summary>
internal static class MeasureFilters
{
    public static SearchFilter Resolve(ChatCommand.Latest command, IReadOnlyList<DocumentRecord> documents)
    {
        string? jurisdiction = command.Jurisdiction, material = command.Material;
        var words = (command.Filters ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var i = 0;
        while (i < words.Count)
        {
            var matched = false;
            for (var length = Math.Min(3, words.Count - i); length >= 1 && !matched; length--)
            {
                var phrase = string.Join(' ', words.Skip(i).Take(length)).Trim(',', '.');
                if (jurisdiction is null && documents.Any(d => Contains(d.Metadata.Jurisdiction, phrase)))
                    (jurisdiction, matched) = (phrase, true);
                else if (material is null && documents.Any(d => d.Metadata.Materials.Any(m => Contains(m, phrase))))
                    (material, matched) = (phrase, true);
                if (matched) i += length;
            }
            if (!matched) i++;
        }
        return new SearchFilter { Jurisdiction = jurisdiction, Material = material };
    }

    public static string Describe(SearchFilter filter) =>
        (filter.Jurisdiction, filter.Material) switch
        {
            (null, null) => "all jurisdictions and materials",
            ({ } j, null) => j,
            (null, { } m) => m,
            ({ } j, { } m) => $"{j}, {m}",
        };

    private static bool Contains(string? value, string phrase) =>
        phrase.Length >= 2 && value is not null && value.Contains(phrase, StringComparison.OrdinalIgnoreCase);
}
