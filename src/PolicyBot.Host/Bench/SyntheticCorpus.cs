using System.Globalization;
using PolicyBot.Core.Domain;
using static PolicyBot.Host.Bench.SyntheticVocabulary;

namespace PolicyBot.Host.Bench;

/// <summary>
/// Policy-like benchmark documents made from combinatorial templates: each document is one measure (a jurisdiction, an
/// agency, an instrument on a material with its HS code, dates, a threshold, a status) written as five short sections, so
/// each section becomes one passage. The same size and <see cref="Version"/> always give the same documents.
/// </summary>
internal static class SyntheticCorpus
{
    /// <summary>Bump when the templates change, so cached benchmark indexes are rebuilt.</summary>
    public const int Version = 1;

    public const int SectionsPerDocument = 5;

    public static IReadOnlyList<SourceDocument> Generate(int passages)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(passages);
        var documents = (passages + SectionsPerDocument - 1) / SectionsPerDocument;
        var result = new List<SourceDocument>(documents);
        for (var i = 0; i < documents; i++) result.Add(Document(i));
        return result;
    }

    public static SourceDocument Document(int number)
    {
        // A fixed seed per document (HashCode is randomised per process, so not that).
        var random = new Random(unchecked(number * 7919 + Version * 104_729));
        var place = Pick(random, Jurisdictions);
        var material = Pick(random, Materials);
        var instrument = Pick(random, Instruments);
        var agency = Pick(random, place.Agencies);
        var other = Pick(random, Jurisdictions);
        var year = 2019 + random.Next(8);
        var announced = new DateOnly(year, 1 + random.Next(12), 1 + random.Next(28));
        var effective = announced.AddDays(30 + random.Next(300));
        var review = effective.AddMonths(6 + random.Next(30));
        var serial = $"{1 + random.Next(120)}/{year}";
        var threshold = Threshold(random, instrument);
        var status = Pick(random, Statuses);

        var id = $"syn-{place.Code}-{number:D6}";
        var title = $"{place.Adjective} {instrument.TitleNoun} on {Capitalise(material.Name)} No. {serial}";
        var sections = new List<DocumentSection>
        {
            new("Overview",
                $"The {agency} of {place.Name} issued {instrument.TitleNoun} No. {serial}, which {instrument.Verb} {material.Form} " +
                $"classified under HS code {material.HsCode}. The measure applies to shipments of {material.Name} products from " +
                $"{Date(effective)}. {place.Adjective} officials describe it as a {instrument.Kind} to {Pick(random, Goals)}."),
            new("Dates",
                $"The {instrument.Kind} was announced on {Date(announced)} and takes effect on {Date(effective)}. Contracts signed " +
                $"before {Date(announced.AddDays(-random.Next(1, 60)))} may be completed under the old rules for {30 + 15 * random.Next(8)} days. " +
                $"The {agency} will review the measure by {Date(review)}."),
            new("Scope and thresholds",
                $"The rule covers {material.Form} (HS {material.HsCode}) {threshold}. Firms above the threshold must report volumes to the " +
                $"{agency} every {1 + random.Next(6)} months, and penalties reach {5 + random.Next(46)} percent of the value of the goods concerned. " +
                $"Exemptions apply to research samples under {1 + random.Next(50)} kilograms."),
            new("Status",
                $"As of {Date(review.AddMonths(-random.Next(1, 6)))}, {instrument.TitleNoun} No. {serial} is {status}. " +
                $"The {agency} has issued {random.Next(2, 40)} licences or approvals under it, and {random.Next(0, 9)} appeals are pending."),
            new("Context",
                $"Industry groups in {other.Name} warned that the {place.Adjective} {instrument.Kind} on {material.Name} could cause " +
                $"{Pick(random, Reactions)}. Analysts estimate that {place.Name} accounts for {3 + random.Next(70)} percent of world supply of " +
                $"{material.Form}, up from {1 + random.Next(30)} percent in {year - 5}."),
        };
        var metadata = new DocumentMetadata
        {
            Jurisdiction = place.Name,
            IssuingBody = agency,
            InstrumentType = instrument.Kind,
            Announced = announced.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Effective = effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Status = status,
            Materials = [material.Name],
            Sources = [$"https://example.org/synthetic/{id}"],
        };
        return new SourceDocument(id, title, $"synthetic/{id}.md", metadata, sections, $"synthetic-v{Version}-{number}");
    }

    /// <summary>
    /// A varied mix of distinct questions about the generated measures, plus some the corpus cannot answer. Distinct, so a
    /// benchmark pass never benefits from the retriever's query-embedding cache.
    /// </summary>
    public static IReadOnlyList<string> Questions(int count, int seed = 17)
    {
        var random = new Random(seed);
        var questions = new List<string>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string[] offTopic = ["What is the weather in {0} on {1}?", "Who won the football match in {0} on {1}?", "Which museums in {0} open on {1}?"];
        for (var i = 0; questions.Count < count && i < count * 20; i++)
        {
            var place = Pick(random, Jurisdictions);
            var material = Pick(random, Materials);
            var instrument = Pick(random, Instruments);
            questions.Add((questions.Count % 10) switch
            {
                0 => $"When does the {place.Adjective} {instrument.Kind} on {material.Name} take effect?",
                1 => $"What is the threshold in {place.Name}'s {instrument.Kind} for {material.Form}?",
                2 => $"{instrument.Kind} HS code {material.HsCode}",
                3 => $"Is the {place.Adjective} {material.Name} {instrument.Kind} still in force?",
                4 => $"Which agency enforces {place.Name}'s rules on {material.Name} exports?",
                5 => $"What penalties apply under the {place.Adjective} {instrument.TitleNoun}?",
                6 => $"Compare {material.Name} {instrument.Kind} in {place.Name} and {Pick(random, Jurisdictions).Name}",
                7 => $"timeline of {place.Adjective} measures on {material.Name}",
                8 => $"How much of world {material.Name} supply does {place.Name} produce?",
                _ => string.Format(CultureInfo.InvariantCulture, offTopic[random.Next(offTopic.Length)], Pick(random, Cities), $"{1 + random.Next(28)} {Pick(random, Months)}"),
            });
            if (!seen.Add(questions[^1])) questions.RemoveAt(questions.Count - 1);
        }
        return questions;
    }

    private static string Threshold(Random random, Instrument instrument) => instrument.Unit switch
    {
        "tonnes" => $"when annual volumes exceed {50 * (1 + random.Next(200))} tonnes",
        "percent" => $"at a rate of {5 + random.Next(46)} percent",
        "US$ per kilogram" => $"at US${1 + random.Next(20)} per kilogram of output",
        "million US$" => $"for projects above US${10 * (1 + random.Next(100))} million",
        _ => $"with a floor of US${1000 * (1 + random.Next(40))} per tonne",
    } + $" with a purity of at least {90 + random.Next(10)}.{random.Next(10)} percent";

    private static string Date(DateOnly date) => $"{date.Day} {Months[date.Month - 1]} {date.Year}";

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
