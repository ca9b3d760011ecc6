using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Host.Composition;

/// <summary>Where the bot keeps what must survive restarts and re-ingestion (feedback votes).</summary>
public sealed class StateOptions
{
    public const string Section = "PolicyBot:State";

    [Required] public string Path { get; set; } = ".policybot/state.db";
}
