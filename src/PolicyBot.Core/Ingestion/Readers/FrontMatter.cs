using PolicyBot.Core.Domain;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyBot.Core.Ingestion.Readers;

/// <summary>YAML front matter: the block between a leading <c>---</c> line and the next <c>---</c> (or <c>...</c>) line.</summary>
/// <param name="Id">The <c>id</c> field, when present.</param>
/// <param name="Title">The <c>title</c> field, when present.</param>
internal sealed record FrontMatter(string? Id, string? Title, DocumentMetadata Metadata)
{
    public static FrontMatter None { get; } = new(null, null, DocumentMetadata.Empty);

    /// <summary>Splits <paramref name="text"/> into front matter and body. Text without front matter is all body.</summary>
    /// <exception cref="DocumentFormatException">The block is not closed or is not valid YAML.</exception>
    public static (FrontMatter FrontMatter, string Body) Split(string text, string sourcePath)
    {
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---") return (None, text);
        var close = Array.FindIndex(lines, 1, line => line.TrimEnd() is "---" or "...");
        if (close < 0)
        {
            throw new DocumentFormatException($"{sourcePath}: the front matter opened by '---' on line 1 is never closed by a '---' line.");
        }
        var yaml = string.Join('\n', lines[1..close]);
        var body = string.Join('\n', lines[(close + 1)..]);
        return (Parse(yaml, sourcePath), body);
    }

    private static FrontMatter Parse(string yaml, string sourcePath)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            // Line numbers in the file: the YAML starts on line 2.
            throw new DocumentFormatException(
                $"{sourcePath}: invalid YAML front matter at line {ex.Start.Line + 1}, column {ex.Start.Column}: {Innermost(ex).Message}", ex);
        }
        if (stream.Documents.Count == 0) return None;
        return stream.Documents[0].RootNode switch
        {
            YamlMappingNode mapping => FromMapping(mapping, sourcePath),
            YamlScalarNode scalar when FrontMatterFields.Scalar(scalar) is null => None,
            var other => throw new DocumentFormatException(
                $"{sourcePath}: front matter must be a YAML mapping of fields (id, title, ...), but it is a {Describe(other)}."),
        };
    }

    private static FrontMatter FromMapping(YamlMappingNode mapping, string sourcePath)
    {
        var fields = new FrontMatterFields(mapping, sourcePath);
        var metadata = new DocumentMetadata
        {
            Jurisdiction = fields.Text("jurisdiction"),
            IssuingBody = fields.Text("issuing_body"),
            InstrumentType = fields.Text("instrument_type"),
            Announced = fields.Text("announced", "announced_date"),
            Effective = fields.Text("effective", "effective_date"),
            Status = fields.Text("status"),
            Materials = fields.List("materials"),
            Sources = fields.List("sources"),
            Relations = fields.Relations("relations"),
        };
        return new FrontMatter(fields.Text("id"), fields.Text("title"), metadata);
    }

    private static Exception Innermost(Exception ex) => ex.InnerException is { } inner ? Innermost(inner) : ex;

    internal static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        _ => "single value",
    };
}
