using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Tests.Contracts;

/// <summary>
/// A small fixed corpus for the index contract: four documents, hand-made 8-d unit vectors
/// (mostly one axis per passage, so the nearest passage of a query is obvious).
/// </summary>
public static class ContractCorpus
{
    public const int Dimensions = 8;

    public const string UsJapan = "us-japan-minerals";
    public const string EuRegulation = "eu-battery-regulation";
    public const string ChinaGraphite = "china-graphite-controls";
    public const string DraftNotes = "draft-notes";

    public static IReadOnlyList<CorpusDocument> All { get; } =
    [
        new(Document(UsJapan, "U.S.–Japan Critical Minerals Agreement", At(2025, 1, 10, 9, 0, 9), new DocumentMetadata
            {
                Jurisdiction = "United States / Japan", IssuingBody = "USTR", InstrumentType = "Agreement",
                Announced = "2023-03-28", Effective = "2023-03-28", Status = "in force",
                Materials = ["lithium", "cobalt", "nickel", "manganese"],
                Sources = ["https://ustr.gov/us-japan-cma"],
            }),
            [
                ("Purpose", "The agreement strengthens critical mineral supply chains for electric vehicle batteries between the two countries.", Axis(0)),
                ("Export duties", "Parties agree not to impose export duties on lithium, cobalt, nickel and manganese.", Unit(0.2f, 1f)),
            ]),
        new(Document(EuRegulation, "EU Battery Regulation", At(2025, 1, 10, 1, 30, 0), new DocumentMetadata
            {
                Jurisdiction = "European Union", IssuingBody = "European Parliament and Council", InstrumentType = "Regulation",
                Announced = "2023-07-12", Effective = "2023-08-17", Status = "in force",
                Materials = ["lithium", "cobalt", "lead", "nickel"],
                Sources = ["https://eur-lex.europa.eu/eli/reg/2023/1542/oj"],
                Relations = new Dictionary<string, IReadOnlyList<string>> { ["repeals"] = ["eu-battery-directive-2006"] },
            }),
            [
                ("Due diligence", "Economic operators placing batteries on the market must carry out supply chain due diligence.", Axis(2)),
                ("Recycled content", "Minimum recycled content shares apply to cobalt, lead, lithium and nickel in industrial batteries.", Unit(0, 0, 0.3f, 1f)),
                ("Carbon footprint", "A carbon footprint declaration names suppliers of lithium hexafluorophosphate electrolyte for vehicle cells.", Axis(4)),
            ]),
        new(Document(ChinaGraphite, "China Graphite Export Controls", At(2025, 1, 9, 20, 0, -5), new DocumentMetadata
            {
                Jurisdiction = "China", IssuingBody = "MOFCOM", InstrumentType = "Export control",
                Announced = "2023-10-20", Effective = "2023-12-01", Status = "suspended",
                Materials = ["graphite"],
                Sources = ["https://www.mofcom.gov.cn/graphite"],
                Relations = new Dictionary<string, IReadOnlyList<string>> { ["suspended_by"] = ["china-graphite-suspension"] },
            }),
            [
                ("Scope", "Graphite exports need a licence: spherical graphite, flake graphite and synthetic graphite are covered.", Axis(5)),
                ("Procedure", "Exporters apply to the ministry, which reviews each licence for graphite within forty-five working days.", Axis(6)),
            ]),
        new(Document(DraftNotes, "Working notes", At(2025, 1, 10, 0, 30, 0), DocumentMetadata.Empty),
            [
                (null, "Informal notes on battery passports and graphite anode sourcing.", Axis(7)),
            ]),
    ];

    public static CorpusDocument Get(string id) => All.Single(d => d.Record.Id == id);

    public static DocumentRecord Document(string id, string title, DateTimeOffset ingestedAt, DocumentMetadata metadata, int passageCount = 0) =>
        new(id, title, $"policies/{id}.md", metadata, $"sha256:{id}", ingestedAt, passageCount);

    public static float[] Axis(int axis)
    {
        var vector = new float[Dimensions];
        vector[axis] = 1f;
        return vector;
    }

    /// <summary>The given leading components, zero-padded to <see cref="Dimensions"/> and scaled to unit length.</summary>
    public static float[] Unit(params float[] components)
    {
        var vector = new float[Dimensions];
        components.CopyTo(vector, 0);
        var length = MathF.Sqrt(vector.Sum(x => x * x));
        for (var i = 0; i < vector.Length; i++) vector[i] /= length;
        return vector;
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute, int offsetHours) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(offsetHours));
}

/// <summary>A corpus document with its passages (ordinal = position) and their embeddings.</summary>
public sealed class CorpusDocument
{
    public CorpusDocument(DocumentRecord record, IReadOnlyList<(string? Heading, string Text, float[] Vector)> passages)
    {
        Record = record with { PassageCount = passages.Count };
        Passages = [.. passages.Select((p, i) => new Passage(Passage.MakeId(record.Id, i), record.Id, i, p.Heading, p.Text))];
        Embeddings = [.. passages.Select(p => p.Vector)];
    }

    public DocumentRecord Record { get; }
    public IReadOnlyList<Passage> Passages { get; }
    public IReadOnlyList<float[]> Embeddings { get; }
}
