using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Host.Composition;

public sealed class IndexOptions
{
    public const string Section = "PolicyBot:Index";

    /// <summary><c>embedded</c> (SQLite file, the default). Qdrant arrives with its adapter.</summary>
    [Required, RegularExpression("^(?i:embedded)$", ErrorMessage = "PolicyBot:Index:Provider must be 'embedded'.")]
    public string Provider { get; set; } = "embedded";
}
