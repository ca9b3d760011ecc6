using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Host.Composition;

public sealed class IndexOptions
{
    public const string Section = "PolicyBot:Index";

    public const string Embedded = "embedded";
    public const string Qdrant = "qdrant";

    /// <summary><c>embedded</c> (one SQLite file, the default) or <c>qdrant</c> (the <c>Qdrant</c> section says where).</summary>
    [Required, RegularExpression("^(?i:embedded|qdrant)$", ErrorMessage = "PolicyBot:Index:Provider must be 'embedded' or 'qdrant'.")]
    public string Provider { get; set; } = Embedded;

    public bool UsesQdrant => string.Equals(Provider, Qdrant, StringComparison.OrdinalIgnoreCase);
}
