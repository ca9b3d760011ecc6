using PolicyBot.Core.Domain;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Core.Tests.Fakes;

/// <summary>Small builders for documents and passages in tests.</summary>
public static class Records
{
    public static DocumentRecord Document(string id, string title = "A measure", string? jurisdiction = "China", string? announced = "2025-10-09",
        string? effective = "2025-11-08", string? status = "in force", IReadOnlyDictionary<string, IReadOnlyList<string>>? relations = null,
        IReadOnlyList<string>? materials = null, string? instrumentType = "announcement") =>
        new(id, title, $"/docs/{id}.md",
            new DocumentMetadata
            {
                Jurisdiction = jurisdiction, Announced = announced, Effective = effective, Status = status, InstrumentType = instrumentType,
                Materials = materials ?? ["graphite"], Sources = [$"https://example.org/{id}"],
                Relations = relations ?? new Dictionary<string, IReadOnlyList<string>>(),
            },
            "hash-" + id, DateTimeOffset.Parse("2026-01-01T00:00:00Z"), 1);

    public static ScoredPassage Scored(DocumentRecord document, string text, double score = 1, int ordinal = 0, double? dense = 0.8, bool expanded = false) =>
        new(new Passage(Passage.MakeId(document.Id, ordinal), document.Id, ordinal, null, text), document, score, dense, null, expanded);

    public static PassageHit Hit(string id, double score) =>
        new(new Passage(id, "doc-" + id, 0, null, "text " + id), Document("doc-" + id), score);
}
