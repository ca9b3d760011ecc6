using PolicyBot.Core.Answering;
using PolicyBot.Core.Conversations;
using PolicyBot.Discord.Models;
using PolicyBot.Discord.Rendering;

namespace PolicyBot.Discord.Tests.Rendering;

public sealed class DiscordReplyRendererTests
{
    private static Citation Cite(int n, string title = "Announcement No. 58 of 2025") =>
        new(n, $"doc-{n}", $"doc-{n}#000", title, "China", "2025-10-09", "2025-11-08", $"https://example.org/{n}", "quote");

    private static void AssertWithinLimits(IReadOnlyList<MessagePayload> messages)
    {
        foreach (var message in messages)
        {
            Assert.True(message.Embeds!.Count <= DiscordLimits.EmbedsPerMessage);
            Assert.True(message.Embeds.Sum(DiscordReplyRenderer.Size) <= DiscordLimits.EmbedTotal);
            Assert.Equal(AllowedMentions.None, message.AllowedMentions);
            foreach (var embed in message.Embeds)
            {
                Assert.True((embed.Description?.Length ?? 0) <= DiscordLimits.EmbedDescription);
                Assert.True((embed.Fields?.Count ?? 0) <= DiscordLimits.EmbedFields);
                Assert.All(embed.Fields ?? [], f => Assert.True(f.Value.Length <= DiscordLimits.FieldValue));
            }
        }
    }

    [Fact]
    public void Render_Answer_PutsTextInTheDescriptionSourcesInAFieldAndFreshnessInTheFooter()
    {
        var reply = new ChatReply(ReplyKind.Answer, "Announcement No. 58 was due on 8 November 2025. [1]\n- Suspended until 10 November 2026. [2]")
        {
            Citations = [Cite(1), Cite(2, "Announcement No. 70 of 2025")],
            Freshness = "Sources as of 30 November 2026",
            Notice = "Note: a status date has passed.",
        };

        var message = Assert.Single(DiscordReplyRenderer.Render(reply));

        var embed = Assert.Single(message.Embeds!);
        Assert.Equal(reply.Text, embed.Description);
        var field = Assert.Single(embed.Fields!);
        Assert.Equal("Sources", field.Name);
        Assert.Equal("[1] [Announcement No. 58 of 2025](https://example.org/1) — China, 8 November 2025\n[2] [Announcement No. 70 of 2025](https://example.org/2) — China, 8 November 2025", field.Value);
        Assert.Equal("Sources as of 30 November 2026 · Note: a status date has passed.", embed.Footer!.Text);
    }

    [Fact]
    public void Render_VeryLongAnswer_SplitsBetweenLinesAndStaysWithinLimits()
    {
        var lines = Enumerable.Range(1, 400).Select(i => $"- Sentence number {i} says something about graphite export licences and their dates. [{i % 9 + 1}]");
        var reply = new ChatReply(ReplyKind.Answer, string.Join("\n", lines)) { Citations = Enumerable.Range(1, 9).Select(i => Cite(i)).ToList() };

        var messages = DiscordReplyRenderer.Render(reply);

        Assert.True(messages.Count > 1);
        AssertWithinLimits(messages);
        var allText = string.Join("\n", messages.SelectMany(m => m.Embeds!).Select(e => e.Description).OfType<string>());
        Assert.Equal(reply.Text, allText);   // nothing lost, nothing cut mid-line
    }

    [Fact]
    public void Render_ManySources_PacksThemIntoFieldsOfWholeLines()
    {
        var reply = new ChatReply(ReplyKind.Answer, "Short answer [1]")
        {
            Citations = Enumerable.Range(1, 40).Select(i => Cite(i, new string('T', 150) + i)).ToList(),
        };

        var messages = DiscordReplyRenderer.Render(reply);

        AssertWithinLimits(messages);
        var fieldLines = messages.SelectMany(m => m.Embeds!).SelectMany(e => e.Fields ?? []).SelectMany(f => f.Value.Split('\n')).ToList();
        Assert.Equal(40, fieldLines.Count);
        Assert.All(fieldLines, l => Assert.Matches(@"^\[\d+\] \[T+\d+\]\(https://example\.org/\d+\) — China, 8 November 2025$", l));
    }

    [Fact]
    public void Truncate_KeepsTheTrailingCitationMarker()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 100)) + " [3]";
        var cut = DiscordReplyRenderer.Truncate(text, 60);
        Assert.True(cut.Length <= 60);
        Assert.EndsWith("… [3]", cut);
    }

    [Fact]
    public void Render_Refusal_HasNoSourcesField()
    {
        var reply = new ChatReply(ReplyKind.Refusal, "The indexed policy documents do not cover this question. They cover 63 documents.");
        var embed = Assert.Single(Assert.Single(DiscordReplyRenderer.Render(reply)).Embeds!);
        Assert.Null(embed.Fields);
        Assert.Contains("do not cover", embed.Description);
    }

    [Fact]
    public void Render_Payload_SerialisesWithDiscordFieldNames()
    {
        var json = DiscordJson.Serialize(DiscordReplyRenderer.Render(new ChatReply(ReplyKind.Help, "help text"))[0]);
        Assert.Contains("\"allowed_mentions\":{\"parse\":[],\"replied_user\":false}", json);
        Assert.Contains("\"embeds\":[{\"description\":\"help text\"", json);
    }
}
