using System.Globalization;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Embedded;

namespace PolicyBot.Core.State;

/// <summary>How the SQL stores (SQLite here, PostgreSQL in its own project) write enums, times of day and metadata.</summary>
public static class StateEncoding
{
    public static string Kind(ScheduleKind kind) => kind.ToString().ToLowerInvariant();

    public static ScheduleKind ScheduleKindFrom(string text) => Enum.Parse<ScheduleKind>(text, ignoreCase: true);

    public static string Kind(DocumentChangeKind kind) => kind.ToString().ToLowerInvariant();

    public static DocumentChangeKind ChangeKindFrom(string text) => Enum.Parse<DocumentChangeKind>(text, ignoreCase: true);

    public static string? TimeOfDay(TimeOnly? at) => at?.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static TimeOnly? TimeOfDayFrom(string? text) => text is null ? null : TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>camelCase JSON of the metadata, or null.</summary>
    public static string? Metadata(DocumentMetadata? metadata) => metadata is null ? null : MetadataJson.Serialize(metadata);

    public static DocumentMetadata? MetadataFrom(string? json) => json is null ? null : MetadataJson.Deserialize(json);

    /// <summary>Lists of names (jurisdictions, materials) as one line each.</summary>
    public static string Lines(IReadOnlyList<string> values) => string.Join('\n', values);

    public static IReadOnlyList<string> LinesFrom(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
