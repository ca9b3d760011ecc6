using System.Text.Json;
using PolicyBot.Core.Conversations;
using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Rendering;

/// <summary>A chat reply as a Teams message: plain text (the fallback, with [n] markers), the Adaptive Card, and the AI entity.</summary>
public static class TeamsReplyRenderer
{
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
        if (reply.Citations.Count > 0)
        {
            text.Append("\n\nSources:");
            foreach (var c in reply.Citations)
                text.Append($"\n[{c.Number}] {c.Title} — {c.Jurisdiction}{(c.Url is null ? "" : $" — {c.Url}")}");
        }
        if (reply.Notice is not null) text.Append("\n\n").Append(reply.Notice);
        if (reply.Freshness is not null) text.Append("\n\n").Append(reply.Freshness);
        return text.ToString();
    }
}
