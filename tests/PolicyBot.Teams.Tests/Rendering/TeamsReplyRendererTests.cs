using System.Text.Json;
using PolicyBot.Core.Answering;
using PolicyBot.Core.Conversations;
using PolicyBot.Teams.Models;
using PolicyBot.Teams.Rendering;

namespace PolicyBot.Teams.Tests.Rendering;

public sealed class TeamsReplyRendererTests
{
    private static readonly ChatReply Answer = new(ReplyKind.Answer, "Announcement No. 58 was due on 8 November 2025. [1]\n- It is suspended until 10 November 2026. [2]")
    {
        Citations =
        [
            new(1, "cn-58", "cn-58#000", "Announcement No. 58 of 2025", "China", "2025-10-09", "2025-11-08", "https://example.org/58",
                "Announcement No. 58 was issued on 9 October 2025 and was due to take effect on 8 November 2025. " + new string('x', 300)),
            new(2, "cn-70", "cn-70#001", "Announcement No. 70 of 2025", "China", "2025-11-07", null, null, "Suspended until 10 November 2026."),
        ],
        Freshness = "Sources as of 30 November 2026",
    };

    [Fact]
    public void Render_Answer_CarriesCardTextAndAiEntityWithCitations()
    {
        var activity = TeamsReplyRenderer.Render(Answer, "reply-1");

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.StartsWith(Answer.Text, activity.Text);
        Assert.Contains("[2] Announcement No. 70 of 2025 — China", activity.Text);   // plain-text fallback lists sources
        var attachment = Assert.Single(activity.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);

        var entity = Assert.Single(activity.Entities!);
        Assert.Equal("https://schema.org/Message", entity.GetProperty("type").GetString());
        Assert.Equal("AIGeneratedContent", entity.GetProperty("additionalType")[0].GetString());
        var claims = entity.GetProperty("citation").EnumerateArray().ToList();
        Assert.Equal([1, 2], claims.Select(c => c.GetProperty("position").GetInt32()));
        var appearance = claims[0].GetProperty("appearance");
        Assert.Equal("DigitalDocument", appearance.GetProperty("@type").GetString());
        Assert.Equal("https://example.org/58", appearance.GetProperty("url").GetString());
        Assert.True(appearance.GetProperty("abstract").GetString()!.Length <= AiMessageEntity.MaxAbstractLength);
        Assert.StartsWith("Announcement No. 58 was issued", appearance.GetProperty("abstract").GetString());
        Assert.False(claims[1].GetProperty("appearance").TryGetProperty("url", out _));
    }

    [Fact]
    public void Card_IsSchema15WithSourcesFreshnessAndFeedbackButtons()
    {
        var card = JsonDocument.Parse(AdaptiveCardBuilder.Build(Answer, "reply-1").ToJsonString()).RootElement;

        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        var body = card.GetProperty("body").EnumerateArray().ToList();
        var texts = body.Where(b => b.GetProperty("type").GetString() == "TextBlock").Select(b => b.GetProperty("text").GetString()).ToList();
        Assert.Equal(Answer.Text, texts[0]);
        Assert.Contains("Sources", texts);
        Assert.Contains("[1] [Announcement No. 58 of 2025](https://example.org/58) — China, 8 November 2025", texts);
        Assert.Contains("[2] Announcement No. 70 of 2025 — China, 7 November 2025", texts);
        Assert.Equal("Sources as of 30 November 2026", texts[^1]);
        var actions = card.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(["helpful", "not_helpful"], actions.Select(a => a.GetProperty("data").GetProperty("rating").GetString()));
        Assert.All(actions, a => Assert.Equal("Action.Execute", a.GetProperty("type").GetString()));
        Assert.All(actions, a => Assert.Equal("reply-1", a.GetProperty("data").GetProperty("replyKey").GetString()));
        // An optional reason, sent with "Not helpful" only.
        var reason = body[^1];
        Assert.Equal(("Input.Text", "reason"), (reason.GetProperty("type").GetString(), reason.GetProperty("id").GetString()));
        Assert.False(reason.TryGetProperty("isRequired", out _));
        Assert.Equal(["none", "auto"], actions.Select(a => a.GetProperty("associatedInputs").GetString()));
    }

    [Fact]
    public void Render_List_HasNoAiEntityOrFeedback()
    {
        var reply = new ChatReply(ReplyKind.Measures, "Latest measures:\n9 October 2025 · China · No. 58");
        var activity = TeamsReplyRenderer.Render(reply, "r");
        Assert.Null(activity.Entities);
        var card = JsonDocument.Parse(activity.Attachments![0].Content!.Value.GetRawText()).RootElement;
        Assert.False(card.TryGetProperty("actions", out _));
    }

    [Fact]
    public void Render_Refusal_SaysWhatIsCovered()
    {
        var reply = new ChatReply(ReplyKind.Refusal, "The indexed policy documents do not cover this question. They are 63 documents ...");
        var activity = TeamsReplyRenderer.Render(reply, "r");
        Assert.Contains("do not cover", activity.Text);
        Assert.False(activity.Entities![0].TryGetProperty("citation", out _));
    }
}
