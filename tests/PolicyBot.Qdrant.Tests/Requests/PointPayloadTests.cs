using Google.Protobuf.Collections;
using PolicyBot.Core.Domain;
using PolicyBot.Qdrant.Payload;
using Qdrant.Client.Grpc;

namespace PolicyBot.Qdrant.Tests.Requests;

public sealed class PointPayloadTests
{
    [Fact]
    public void ForDocument_ReadDocument_RoundTripsEveryField()
    {
        var metadata = new DocumentMetadata
        {
            Jurisdiction = "Deutschland / 日本", IssuingBody = "Bundesministerium \"BMWK\"", InstrumentType = "Verordnung",
            Announced = "2024-02", Effective = "2025-01-01", Status = "draft",
            Materials = ["lithium", "rare earths"], Sources = ["https://example.org/a?b=1&c=2"],
            Relations = new Dictionary<string, IReadOnlyList<string>> { ["amends"] = ["doc-a", "doc-b"], ["SupersededBy"] = [] },
        };
        var record = new DocumentRecord("round-trip", "Überprüfung 電池", "policies/de/round trip.md", metadata, "sha256:abc",
            new DateTimeOffset(2025, 11, 8, 14, 3, 7, TimeSpan.FromMinutes(330)).AddTicks(1_234_567), 3);

        var read = PointPayload.ReadDocument(ToMap(PointPayload.ForDocument(record, 9, 3)));

        Assert.Equal(record with { Metadata = DocumentMetadata.Empty }, read with { Metadata = DocumentMetadata.Empty });
        Assert.Equal(record.IngestedAt.Offset, read.IngestedAt.Offset);
        Assert.Equal(metadata.Jurisdiction, read.Metadata.Jurisdiction);
        Assert.Equal(metadata.IssuingBody, read.Metadata.IssuingBody);
        Assert.Equal(metadata.Announced, read.Metadata.Announced);
        Assert.Equal(metadata.Materials, read.Metadata.Materials);
        Assert.Equal(metadata.Sources, read.Metadata.Sources);
        Assert.Equal(["doc-a", "doc-b"], read.Metadata.Relations["amends"]);
        Assert.Empty(read.Metadata.Relations["SupersededBy"]);
        Assert.Null(PointPayload.ReadDocument(ToMap(PointPayload.ForDocument(record with { Metadata = DocumentMetadata.Empty }, 1, 0))).Metadata.Status);
    }

    [Fact]
    public void ForPassage_ReadPassage_RoundTripsWithAndWithoutHeading()
    {
        var document = new DocumentRecord("d", "T", "p", DocumentMetadata.Empty, "h", DateTimeOffset.UnixEpoch, 2);
        foreach (var passage in new[] { new Passage("d#000", "d", 0, "Übersicht", "Zeile 1\nZeile 2"), new Passage("d#001", "d", 1, null, "x") })
        {
            Assert.Equal(passage, PointPayload.ReadPassage(ToMap(PointPayload.ForPassage(passage, document, 1))));
        }
    }

    private static MapField<string, Value> ToMap(Dictionary<string, Value> payload)
    {
        var map = new MapField<string, Value>();
        map.Add(payload);
        return map;
    }
}
