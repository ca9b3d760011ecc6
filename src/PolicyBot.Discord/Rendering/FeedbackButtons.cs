using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Rendering;

/// <summary>
/// The helpful / not helpful buttons under an answer; their custom id carries the vote and the reply key. "Not helpful"
/// opens a small modal asking, optionally, what was missing; submitting it stores the vote with that reason.
/// </summary>
public static class FeedbackButtons
{
    public const string ReasonInput = "reason";
    public const int MaxReasonLength = 500;
    private const string Prefix = "feedback:", ReasonPrefix = "feedback_reason:";

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

    /// <summary>The modal shown after "Not helpful": one optional paragraph input.</summary>
    public static InteractionResponse ReasonModal(string replyKey) => new(InteractionCallbackType.Modal, new MessagePayload
    {
        CustomId = ReasonPrefix + replyKey,
        Title = "What was missing?",
        Components =
        [
            new()
            {
                Type = 1,
                Components =
                [
                    new()
                    {
                        Type = 4, Style = 2, CustomId = ReasonInput, Label = "What was missing or wrong? (optional)", Required = false,
                        MaxLength = MaxReasonLength, Placeholder = "e.g. the date it takes effect, or a document you expected",
                    },
                ],
            },
        ],
    });

    /// <summary>The reply key of a submitted reason modal.</summary>
    public static bool TryParseReason(string? customId, out string replyKey)
    {
        replyKey = customId is not null && customId.StartsWith(ReasonPrefix, StringComparison.Ordinal) ? customId[ReasonPrefix.Length..] : "";
        return replyKey.Length > 0;
    }
}
