using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Bot;

/// <summary>The message text without the bot's own <c>&lt;at&gt;</c> mention, found through the activity's mention entities.</summary>
public static partial class MentionText
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static string StripBotMention(Activity activity)
    {
        var text = activity.Text ?? "";
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind != JsonValueKind.Object || !entity.TryGetProperty("type", out var type) || type.GetString() != "mention") continue;
            var mentionedId = entity.TryGetProperty("mentioned", out var m) && m.TryGetProperty("id", out var id) ? id.GetString() : null;
            if (mentionedId is null || mentionedId != activity.Recipient?.Id) continue;
            if (entity.TryGetProperty("text", out var mentionText) && mentionText.GetString() is { Length: > 0 } tag)
                text = text.Replace(tag, " ", StringComparison.Ordinal);
        }
        return Whitespace().Replace(WebUtility.HtmlDecode(text), " ").Trim();
    }
}
