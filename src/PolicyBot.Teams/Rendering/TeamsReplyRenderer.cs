using System.Text.Json;
using PolicyBot.Core.Conversations;
using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Rendering;

/// <summary>A chat reply as a Teams message: plain text (the fallback, with [n] markers), the Adaptive Card, and the AI entity.</summary>
public static class TeamsReplyRenderer
{
    /// <summary>The fallback text of a table reply is cut to this many characters, so text and card together stay under Teams' ~28 KB.</summary>
    public const int MaxTableTextLength = 8_000, TableTextCellLength = 100;

    public static Activity Render(ChatReply reply, string replyKey)
    {
        var card = AdaptiveCardBuilder.Build(reply, replyKey);
        var entities = reply.Kind is ReplyKind.Answer or ReplyKind.Refusal
            ? new[] { JsonSerializer.SerializeToElement(AiMessageEntity.Build(reply.Citations)) }
            : null;
        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = PlainText(reply),
            TextFormat = "markdown",
            Attachments = [new Attachment { ContentType = AdaptiveCardBuilder.ContentType, Content = JsonSerializer.SerializeToElement(card) }],
            Entities = entities,
        };
    }

    /// <summary>What a client that cannot render cards shows: the text, then the numbered sources.</summary>
    public static string PlainText(ChatReply reply)
    {
        var text = new System.Text.StringBuilder(reply.Text);
        if (reply.Table is { } table) text.Append("\n\n").Append(ReplyTableText.Format(table, TableTextCellLength));
        if (reply.Citations.Count > 0)
        {
            text.Append("\n\nSources:");
            foreach (var c in reply.Citations)
                text.Append($"\n[{c.Number}] {c.Title} — {c.Jurisdiction}{(c.Url is null ? "" : $" — {c.Url}")}");
        }
        if (reply.Notice is not null) text.Append("\n\n").Append(reply.Notice);
        if (reply.Freshness is not null) text.Append("\n\n").Append(reply.Freshness);
        if (reply.Table is null || text.Length <= MaxTableTextLength) return text.ToString();
        var cut = text.ToString().LastIndexOf('\n', MaxTableTextLength - 40);
        return text.ToString(0, cut > 0 ? cut : MaxTableTextLength - 40) + "\n… (shortened; the card shows the table)";
    }
}
