using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Rendering;

/// <summary>The helpful / not helpful buttons under an answer; their custom id carries the vote and the reply key.</summary>
public static class FeedbackButtons
{
    private const string Prefix = "feedback:";

    public static MessageComponent Row(string replyKey) => new()
    {
        Type = 1,
        Components =
        [
            new() { Type = 2, Style = 3, Label = "Helpful", CustomId = $"{Prefix}helpful:{replyKey}" },
            new() { Type = 2, Style = 4, Label = "Not helpful", CustomId = $"{Prefix}not_helpful:{replyKey}" },
        ],
    };

    public static bool TryParse(string? customId, out bool helpful, out string replyKey)
    {
        (helpful, replyKey) = (false, "");
        if (customId is null || !customId.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var parts = customId[Prefix.Length..].Split(':', 2);
        if (parts.Length != 2 || parts[0] is not ("helpful" or "not_helpful")) return false;
        (helpful, replyKey) = (parts[0] == "helpful", parts[1]);
        return true;
    }
}
