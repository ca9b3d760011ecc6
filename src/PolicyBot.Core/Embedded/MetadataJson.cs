using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Embedded;

/// <summary>
/// <see cref="DocumentMetadata"/> as camelCase JSON. A separate shape keeps the record's computed
/// properties (<c>AnnouncedDate</c>, <c>PrimarySource</c>, ...) out of the file; relation keys are kept as written.
/// </summary>
internal static class MetadataJson
{
    public static string Serialize(DocumentMetadata metadata) =>
        JsonSerializer.Serialize(
            new StoredMetadata(
                metadata.Jurisdiction,
                metadata.IssuingBody,
                metadata.InstrumentType,
                metadata.Announced,
                metadata.Effective,
                metadata.Status,
                metadata.Materials,
                metadata.Sources,
                metadata.Relations.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal),
                metadata.Thresholds),
            MetadataJsonContext.Default.StoredMetadata);

    public static DocumentMetadata Deserialize(string json)
    {
        var stored = JsonSerializer.Deserialize(json, MetadataJsonContext.Default.StoredMetadata)
            ?? throw new InvalidDataException("Stored document metadata is null.");
        return new DocumentMetadata
        {
            Jurisdiction = stored.Jurisdiction,
            IssuingBody = stored.IssuingBody,
            InstrumentType = stored.InstrumentType,
            Announced = stored.Announced,
            Effective = stored.Effective,
            Status = stored.Status,
            Materials = stored.Materials ?? [],
            Sources = stored.Sources ?? [],
            Relations = stored.Relations is null
                ? new Dictionary<string, IReadOnlyList<string>>()
                : stored.Relations.ToDictionary(r => r.Key, r => (IReadOnlyList<string>)(r.Value ?? []), StringComparer.Ordinal),
            Thresholds = stored.Thresholds,
        };
    }
}

internal sealed record StoredMetadata(
    string? Jurisdiction,
    string? IssuingBody,
    string? InstrumentType,
    string? Announced,
    string? Effective,
    string? Status,
    IReadOnlyList<string>? Materials,
    IReadOnlyList<string>? Sources,
    Dictionary<string, IReadOnlyList<string>>? Relations,
    IReadOnlyList<string>? Thresholds = null);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredMetadata))]
internal sealed partial class MetadataJsonContext : JsonSerializerContext;
