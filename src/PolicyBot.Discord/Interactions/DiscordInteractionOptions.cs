using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Discord.Interactions;

/// <summary>The <c>Discord:Interactions</c> section: deadlines and limits of the interactions endpoint. The key itself is <c>Discord:PublicKey</c>.</summary>
public sealed class DiscordInteractionOptions
{
    public const string Section = "Discord:Interactions";

    /// <summary>How long the handler may work before the dispatcher answers with a deferred response. Discord allows 3 s end to end.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02.800")]
    public TimeSpan ResponseBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Upper bound for a handler's work after deferring; interaction tokens expire after 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:15:00")]
    public TimeSpan HandlerTimeout { get; set; } = TimeSpan.FromMinutes(14);

    /// <summary>Larger request bodies get 413. Real interactions are a few KB.</summary>
    [Range(1024, 25 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Shown to the user when the handler fails (no details, no stack traces).</summary>
    [Required, MaxLength(2000)]
    public string ErrorMessage { get; set; } = "Sorry, something went wrong while answering. Please try again.";
}
