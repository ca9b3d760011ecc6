using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Core.Embedded;

/// <summary>Where the embedded index keeps its single SQLite file.</summary>
public sealed class EmbeddedIndexOptions
{
    public const string Section = "PolicyBot:Index";

    /// <summary>Path of the SQLite file; relative paths resolve against the working directory. The folder is created if missing.</summary>
    [Required]
    public string Path { get; set; } = "data/index/policybot.db";
}
