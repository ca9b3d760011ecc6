using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyBot.Core.Ingestion.Readers;

/// <summary>Typed access to front-matter fields. Keys match ignoring case, '-' and '_'; unknown keys are ignored.</summary>
internal sealed class FrontMatterFields
{
    private readonly Dictionary<string, (string Key, YamlNode Value)> _fields = new(StringComparer.Ordinal);
    private readonly string _sourcePath;

    public FrontMatterFields(YamlMappingNode mapping, string sourcePath)
    {
        _sourcePath = sourcePath;
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is YamlScalarNode { Value: { } key }) _fields[Normalize(key)] = (key, value);
        }
    }

    /// <summary>A single value kept as written ("2025-10" stays "2025-10"); empty or <c>null</c> gives null.</summary>
    public string? Text(params string[] names)
    {
        foreach (var name in names)
        {
            if (!_fields.TryGetValue(Normalize(name), out var field)) continue;
            return field.Value is YamlScalarNode scalar ? Scalar(scalar) : throw WrongShape(field.Key, "a single value", field.Value);
        }
        return null;
    }

    /// <summary>A list of values; a single value counts as a list of one.</summary>
    public IReadOnlyList<string> List(string name) =>
        _fields.TryGetValue(Normalize(name), out var field) ? Items(field.Key, field.Value) : [];

    /// <summary>A mapping of relation name to a list of document ids.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Relations(string name)
    {
        var relations = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!_fields.TryGetValue(Normalize(name), out var field)) return relations;
        switch (field.Value)
        {
            case YamlScalarNode scalar when Scalar(scalar) is null:
                return relations;
            case YamlMappingNode mapping:
                foreach (var (keyNode, value) in mapping.Children)
                {
                    var key = keyNode is YamlScalarNode keyScalar ? Scalar(keyScalar) : null;
                    if (key is null) throw WrongShape(field.Key, "a mapping with text keys", keyNode);
                    var ids = Items($"{field.Key}.{key}", value);
                    if (ids.Count > 0) relations[key] = ids;
                }
                return relations;
            default:
                throw WrongShape(field.Key, "a mapping of relation to ids (suspends: [id, ...])", field.Value);
        }
    }

    public static string? Scalar(YamlScalarNode node)
    {
        var value = node.Value?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        var isPlain = node.Style is ScalarStyle.Plain or ScalarStyle.Any;
        return isPlain && value is "~" or "null" or "Null" or "NULL" ? null : value;
    }

    private IReadOnlyList<string> Items(string key, YamlNode node) => node switch
    {
        YamlScalarNode scalar => Scalar(scalar) is { } single ? [single] : [],
        YamlSequenceNode sequence => sequence.Children
            .Select(item => item is YamlScalarNode itemScalar ? Scalar(itemScalar) : throw WrongShape(key, "a list of single values", item))
            .OfType<string>()
            .ToArray(),
        _ => throw WrongShape(key, "a list", node),
    };

    private DocumentFormatException WrongShape(string key, string expected, YamlNode actual) =>
        new($"{_sourcePath}: front matter field '{key}' (line {actual.Start.Line + 1}) must be {expected}, but it is a {FrontMatter.Describe(actual)}.");

    private static string Normalize(string key) => key.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim().ToLowerInvariant();
}
