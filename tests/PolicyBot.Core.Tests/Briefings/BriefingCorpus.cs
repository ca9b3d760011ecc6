using PolicyBot.Core.Domain;
using PolicyBot.Core.Tests.Fakes;

namespace PolicyBot.Core.Tests.Briefings;

/// <summary>
/// A small real index (SQLite, hashing embedder) of dated measures, shared by the composer tests, which only read it.
/// The briefing period is (25 October 2025 08:00 UTC, 1 November 2025 08:00 UTC].
/// </summary>
public sealed class BriefingCorpus : IAsyncLifetime
{
    public static readonly DateTimeOffset Since = new(2025, 10, 25, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Until = new(2025, 11, 1, 8, 0, 0, TimeSpan.Zero);

    public IndexedCorpus Corpus { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Corpus = await IndexedCorpus.CreateAsync();
        Corpus.Write("cn-58.md", Doc("cn-58", "Announcement No. 58 on lithium battery and graphite anode exports", "China", "2025-10-09", "2025-11-08",
            "announced; not yet in force", "[lithium-ion batteries, artificial graphite anode]",
            "Announcement No. 58 controls exports of lithium-ion batteries with an energy density of 300 Wh/kg or more. " +
            "It also covers artificial graphite anode materials and their production equipment. Exporters need a dual-use licence from MOFCOM."));
        Corpus.Write("cn-graphite.md", Doc("cn-graphite", "Graphite export controls", "China", "2023-10-20", "2023-12-01",
            "suspended until 20 November 2025", "[graphite, spherical graphite]",
            "China requires export licences for high-purity and spherical graphite from 1 December 2023. " +
            "The licence requirement applies to graphite with a purity above 99.9 percent."));
        Corpus.Write("eu-crma.md", Doc("eu-crma", "Critical Raw Materials Act", "European Union", "2024-04-11", "2025-11-25",
            "adopted", "[lithium, cobalt]",
            "The Critical Raw Materials Act sets benchmarks of 10% extraction, 40% processing and 25% recycling. " +
            "Member states must designate strategic projects."));
        Corpus.Write("us-feoc.md", Doc("us-feoc", "Foreign entity of concern rules", "United States", "2024-05-03", "2025-12-20",
            "in force", "[graphite]",
            "The rules exclude batteries with components from a foreign entity of concern from the clean vehicle credit."));
        await Corpus.IngestAsync();
    }

    public async Task DisposeAsync() => await Corpus.DisposeAsync();

    public static string Doc(string id, string title, string jurisdiction, string announced, string effective, string status, string materials, string body) => $"""
        ---
        id: {id}
        title: "{title}"
        jurisdiction: {jurisdiction}
        instrument_type: regulation
        announced: {announced}
        effective: {effective}
        status: "{status}"
        materials: {materials}
        sources:
          - https://example.org/{id}
        ---

        # {title}

        {body}
        """;

    public static DocumentMetadata Metadata(string jurisdiction, string announced, string? effective, string status, params string[] materials) => new()
    {
        Jurisdiction = jurisdiction, Announced = announced, Effective = effective, Status = status, InstrumentType = "regulation",
        Materials = materials, Sources = ["https://example.org/x"],
    };
}
