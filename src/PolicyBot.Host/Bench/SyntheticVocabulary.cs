namespace PolicyBot.Host.Bench;

/// <summary>The building blocks of the synthetic benchmark corpus: places, agencies, materials, instruments, dates and figures.</summary>
internal static class SyntheticVocabulary
{
    public sealed record Jurisdiction(string Name, string Adjective, string Code, string[] Agencies);

    public sealed record Material(string Name, string Form, string HsCode);

    public sealed record Instrument(string Kind, string TitleNoun, string Verb, string Unit);

    public static readonly Jurisdiction[] Jurisdictions =
    [
        new("China", "Chinese", "cn", ["Ministry of Commerce", "General Administration of Customs", "National Development and Reform Commission"]),
        new("United States", "US", "us", ["Department of Commerce", "Office of the US Trade Representative", "Department of Energy", "Internal Revenue Service"]),
        new("European Union", "EU", "eu", ["European Commission", "Council of the European Union", "European Raw Materials Board"]),
        new("Indonesia", "Indonesian", "id", ["Ministry of Energy and Mineral Resources", "Ministry of Trade", "Investment Coordinating Board"]),
        new("Australia", "Australian", "au", ["Department of Industry, Science and Resources", "Export Finance Australia", "Critical Minerals Office"]),
        new("Canada", "Canadian", "ca", ["Natural Resources Canada", "Department of Finance Canada", "Global Affairs Canada"]),
        new("Chile", "Chilean", "cl", ["Ministry of Mining", "Chilean Production Development Corporation", "National Lithium Committee"]),
        new("Argentina", "Argentine", "ar", ["Secretariat of Mining", "Ministry of Economy", "Federal Mining Council"]),
        new("India", "Indian", "in", ["Ministry of Mines", "Directorate General of Foreign Trade", "Ministry of Heavy Industries"]),
        new("Japan", "Japanese", "jp", ["Ministry of Economy, Trade and Industry", "Japan Organization for Metals and Energy Security"]),
        new("South Korea", "Korean", "kr", ["Ministry of Trade, Industry and Energy", "Korea Mine Rehabilitation and Mineral Resources Corporation"]),
        new("Democratic Republic of the Congo", "Congolese", "cd", ["Ministry of Mines", "Strategic Minerals Market Regulation Authority"]),
        new("Zimbabwe", "Zimbabwean", "zw", ["Ministry of Mines and Mining Development", "Minerals Marketing Corporation"]),
        new("United Kingdom", "UK", "gb", ["Department for Business and Trade", "Critical Minerals Intelligence Centre"]),
        new("Brazil", "Brazilian", "br", ["Ministry of Mines and Energy", "National Mining Agency"]),
        new("Mexico", "Mexican", "mx", ["Secretariat of Economy", "Mexican Geological Service"]),
        new("Philippines", "Philippine", "ph", ["Department of Environment and Natural Resources", "Mines and Geosciences Bureau"]),
        new("Vietnam", "Vietnamese", "vn", ["Ministry of Industry and Trade", "Ministry of Natural Resources and Environment"]),
        new("Morocco", "Moroccan", "ma", ["Ministry of Energy Transition", "Ministry of Industry and Trade"]),
        new("Norway", "Norwegian", "no", ["Ministry of Trade, Industry and Fisheries", "Norwegian Offshore Directorate"]),
    ];

    public static readonly Material[] Materials =
    [
        new("lithium", "lithium carbonate", "2836.91"),
        new("lithium", "lithium hydroxide", "2825.20"),
        new("cobalt", "cobalt hydroxide", "2825.90"),
        new("cobalt", "unwrought cobalt", "8105.20"),
        new("nickel", "nickel matte", "7501.10"),
        new("nickel", "nickel ore and concentrates", "2604.00"),
        new("natural graphite", "spherical graphite", "2504.10"),
        new("synthetic graphite", "artificial graphite anode material", "3801.10"),
        new("manganese", "high-purity manganese sulphate", "2833.29"),
        new("rare earths", "neodymium-praseodymium oxide", "2846.90"),
        new("copper", "refined copper cathodes", "7403.11"),
        new("gallium", "unwrought gallium", "8112.92"),
        new("germanium", "germanium oxides", "2825.60"),
        new("antimony", "antimony ores", "2617.10"),
        new("LFP cathode", "lithium iron phosphate cathode material", "3824.99"),
        new("NMC precursor", "nickel-manganese-cobalt precursor", "2841.90"),
        new("tungsten", "ammonium paratungstate", "2841.80"),
        new("vanadium", "vanadium pentoxide", "2825.30"),
    ];

    public static readonly Instrument[] Instruments =
    [
        new("export control", "Export Control Regime", "requires a licence to export", "tonnes"),
        new("export ban", "Export Ban", "prohibits the export of", "tonnes"),
        new("export quota", "Export Quota", "caps annual exports of", "tonnes"),
        new("import tariff", "Tariff Schedule Amendment", "raises the import duty on", "percent"),
        new("export tax", "Export Levy", "levies an export tax on", "percent"),
        new("production tax credit", "Production Tax Credit", "grants a tax credit for domestic production of", "US$ per kilogram"),
        new("investment screening", "Foreign Investment Screening Rule", "requires approval for foreign stakes in producers of", "percent"),
        new("local content requirement", "Local Content Requirement", "requires domestic processing of", "percent"),
        new("strategic stockpile", "Strategic Stockpile Programme", "builds a national reserve of", "tonnes"),
        new("subsidy programme", "Processing Subsidy Programme", "funds new refining capacity for", "million US$"),
        new("due diligence rule", "Supply Chain Due Diligence Regulation", "requires traceability audits for", "tonnes"),
        new("price floor", "Reference Price Mechanism", "sets a minimum sale price for", "US$ per tonne"),
    ];

    public static readonly string[] Statuses =
        ["in force", "announced, not yet in force", "suspended", "under consultation", "amended", "in force with a transition period", "expired"];

    public static readonly string[] Goals =
    [
        "secure supply for domestic battery manufacturers", "move refining and cathode production onshore", "protect national security",
        "stabilise prices after a supply glut", "meet the share of processing set out in the national strategy", "reduce dependence on a single supplier",
        "attract investment in midstream processing", "enforce responsible sourcing standards",
    ];

    public static readonly string[] Reactions =
    [
        "higher costs for cell makers", "delays to new gigafactory projects", "a shift of trade flows through third countries",
        "shortages of qualified licences", "retaliatory measures", "a rush of shipments before the start date", "little short-term effect on prices",
    ];

    public static readonly string[] Cities =
        ["Paris", "Lisbon", "Osaka", "Nairobi", "Lima", "Oslo", "Hanoi", "Denver", "Perth", "Krakow", "Accra", "Quebec", "Seville", "Busan", "Tbilisi"];

    public static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
}
