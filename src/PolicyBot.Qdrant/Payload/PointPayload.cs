using System.Globalization;
using Google.Protobuf.Collections;
using PolicyBot.Core.Domain;
using Qdrant.Client.Grpc;

namespace PolicyBot.Qdrant.Payload;

/// <summary>Builds the payload of passage and document points, and reads records back from it.</summary>
internal static class PointPayload
{
    public static Dictionary<string, Value> ForPassage(Passage passage, DocumentRecord document, long generation)
    {
        var metadata = document.Metadata;
        var payload = new Dictionary<string, Value>
        {
            [PayloadKeys.Kind] = PayloadKeys.PassageKind,
            [PayloadKeys.DocumentId] = document.Id,
            [PayloadKeys.Generation] = generation,
            [PayloadKeys.PassageId] = passage.Id,
            [PayloadKeys.Ordinal] = (long)passage.Ordinal,
            [PayloadKeys.Text] = passage.Text,
            [PayloadKeys.Jurisdiction] = FilterValues.Jurisdictions(metadata.Jurisdiction),
            [PayloadKeys.Materials] = FilterValues.Materials(metadata.Materials),
        };
        if (passage.Heading is not null) payload[PayloadKeys.Heading] = passage.Heading;
        if (FilterValues.InstrumentType(metadata.InstrumentType) is { } instrument) payload[PayloadKeys.InstrumentType] = instrument;
        if (FilterValues.Date(metadata.AnnouncedDate) is { } announced) payload[PayloadKeys.Announced] = announced;
        return payload;
    }

    public static Dictionary<string, Value> ForDocument(DocumentRecord document, long generation, int storedPassages) => new()
    {
        [PayloadKeys.Kind] = PayloadKeys.DocumentKind,
        [PayloadKeys.DocumentId] = document.Id,
        [PayloadKeys.Generation] = generation,
        [PayloadKeys.Title] = document.Title,
        [PayloadKeys.SourcePath] = document.SourcePath,
        [PayloadKeys.ContentHash] = document.ContentHash,
        // The round-trip string keeps ticks and offset exactly; the UTC ticks order documents across offsets.
        [PayloadKeys.IngestedAt] = document.IngestedAt.ToString("O", CultureInfo.InvariantCulture),
        [PayloadKeys.IngestedAtUtcTicks] = document.IngestedAt.UtcTicks,
        [PayloadKeys.PassageCount] = (long)document.PassageCount,
        [PayloadKeys.StoredPassages] = (long)storedPassages,
        [PayloadKeys.Metadata] = Metadata(document.Metadata),
    };

    public static Passage ReadPassage(MapField<string, Value> payload) => new(
        String(payload, PayloadKeys.PassageId)!,
        String(payload, PayloadKeys.DocumentId)!,
        (int)Integer(payload, PayloadKeys.Ordinal),
        String(payload, PayloadKeys.Heading),
        String(payload, PayloadKeys.Text)!);

    public static DocumentRecord ReadDocument(MapField<string, Value> payload) => new(
        String(payload, PayloadKeys.DocumentId)!,
        String(payload, PayloadKeys.Title)!,
        String(payload, PayloadKeys.SourcePath)!,
        ReadMetadata(payload.TryGetValue(PayloadKeys.Metadata, out var metadata) ? metadata.StructValue : null),
        String(payload, PayloadKeys.ContentHash)!,
        DateTimeOffset.ParseExact(String(payload, PayloadKeys.IngestedAt)!, "O", CultureInfo.InvariantCulture, DateTimeStyles.None),
        (int)Integer(payload, PayloadKeys.PassageCount));

    public static string? String(MapField<string, Value> payload, string key) =>
        payload.TryGetValue(key, out var value) && value.KindCase == Value.KindOneofCase.StringValue ? value.StringValue : null;

    public static long Integer(MapField<string, Value> payload, string key) =>
        payload.TryGetValue(key, out var value) ? value.KindCase switch
        {
            Value.KindOneofCase.IntegerValue => value.IntegerValue,
            Value.KindOneofCase.DoubleValue => (long)value.DoubleValue,
            _ => 0,
        } : 0;

    private static Value Metadata(DocumentMetadata metadata)
    {
        var fields = new Dictionary<string, Value>
        {
            ["materials"] = metadata.Materials.ToArray(),
            ["sources"] = metadata.Sources.ToArray(),
            ["relations"] = metadata.Relations.ToDictionary(r => r.Key, r => (Value)r.Value.ToArray(), StringComparer.Ordinal),
        };
        void Add(string key, string? value)
        {
            if (value is not null) fields[key] = value;
        }
        Add("jurisdiction", metadata.Jurisdiction);
        Add("issuing_body", metadata.IssuingBody);
        Add("instrument_type", metadata.InstrumentType);
        Add("announced", metadata.Announced);
        Add("effective", metadata.Effective);
        Add("status", metadata.Status);
        if (metadata.Thresholds is { } thresholds) fields["thresholds"] = thresholds.ToArray();
        return fields;
    }

    private static DocumentMetadata ReadMetadata(Struct? stored)
    {
        if (stored is null) return DocumentMetadata.Empty;
        var fields = stored.Fields;
        string? Text(string key) => fields.TryGetValue(key, out var v) && v.KindCase == Value.KindOneofCase.StringValue ? v.StringValue : null;
        IReadOnlyList<string> List(Value? value) =>
            value?.KindCase == Value.KindOneofCase.ListValue ? [.. value.ListValue.Values.Select(v => v.StringValue)] : [];
        var relations = fields.TryGetValue("relations", out var r) && r.KindCase == Value.KindOneofCase.StructValue
            ? r.StructValue.Fields.ToDictionary(f => f.Key, f => List(f.Value), StringComparer.Ordinal)
            : new Dictionary<string, IReadOnlyList<string>>();
        return new DocumentMetadata
        {
            Jurisdiction = Text("jurisdiction"),
            IssuingBody = Text("issuing_body"),
            InstrumentType = Text("instrument_type"),
            Announced = Text("announced"),
            Effective = Text("effective"),
            Status = Text("status"),
            Materials = List(fields.GetValueOrDefault("materials")),
            Sources = List(fields.GetValueOrDefault("sources")),
            Relations = relations,
            Thresholds = fields.TryGetValue("thresholds", out var t) ? List(t) : null,
        };
    }
}
