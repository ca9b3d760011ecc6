namespace PolicyBot.Qdrant.Payload;

/// <summary>
/// Payload field names. One collection holds two kinds of points:
/// <list type="bullet">
/// <item><b>passage</b> points carry the dense and keyword vectors, the passage, the document id and generation, and the
/// document's filter fields (normalised for Qdrant's match conditions);</item>
/// <item><b>document</b> points carry no vectors, only the document's record and its current generation.</item>
/// </list>
/// </summary>
internal static class PayloadKeys
{
    public const string Kind = "kind";
    public const string PassageKind = "passage";
    public const string DocumentKind = "document";

    public const string DocumentId = "document_id";
    public const string Generation = "generation";

    // Passage points.
    public const string PassageId = "passage_id";
    public const string Ordinal = "ordinal";
    public const string Heading = "heading";
    public const string Text = "text";
    public const string Jurisdiction = "jurisdiction";
    public const string Materials = "materials";
    public const string InstrumentType = "instrument_type";
    public const string Announced = "announced";

    // Document points.
    public const string Title = "title";
    public const string SourcePath = "source_path";
    public const string ContentHash = "content_hash";
    public const string IngestedAt = "ingested_at";
    public const string IngestedAtUtcTicks = "ingested_at_utc_ticks";
    public const string PassageCount = "passage_count";
    public const string StoredPassages = "stored_passages";
    public const string Metadata = "metadata";
}
