using System.Text;
using System.Text.Json;
using PolicyBot.Teams.Connector;
using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Tests.Connector;

public sealed class ConnectorLimitsTests
{
    private static readonly ChannelAccount s_user = new() { Id = "29:user", Name = "rido" };

    [Fact]
    public void MeasureBytes_Activity_IsItsWireJsonInUtf16()
    {
        var activity = new Activity { Text = "<at>rido</at> 电池", ServiceUrl = "https://example.org/" };

        var json = """{"type":"message","text":"<at>rido</at> 电池"}""";
        Assert.Equal(Encoding.Unicode.GetByteCount(json), ConnectorLimits.MeasureBytes(activity));
    }

    [Fact]
    public void EnsureWithinLimit_TooLarge_ThrowsWithSizeAndLimit()
    {
        var activity = new Activity { Text = new string('x', ConnectorLimits.MaxActivityBytes / 2) };

        var error = Assert.Throws<ActivityTooLargeException>(() => ConnectorLimits.EnsureWithinLimit(activity));

        Assert.Equal(ConnectorLimits.MaxActivityBytes, error.LimitBytes);
        Assert.True(error.SizeBytes > error.LimitBytes);
        Assert.Contains("TruncateText", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncateText_FitsAlready_ReturnsTheSameActivity()
    {
        var activity = new Activity { Text = "short" };

        Assert.Same(activity, ConnectorLimits.TruncateText(activity));
    }

    [Fact]
    public void TruncateText_LongAnswer_CutsToTheLimitWithAMarker()
    {
        var text = "<at>rido</at> " + string.Concat(Enumerable.Repeat("Lithium batteries must be packed per PI 965. ", 3000)) + "<at>rido</at>";
        var mention = Mention.Of(s_user).ToEntity();
        var activity = new Activity { Text = text, Entities = [mention, JsonDocument.Parse("""{"type":"clientInfo"}""").RootElement] };

        var cut = ConnectorLimits.TruncateText(activity);

        var size = ConnectorLimits.MeasureBytes(cut);
        Assert.InRange(size, ConnectorLimits.MaxActivityBytes - 200, ConnectorLimits.MaxActivityBytes);
        Assert.EndsWith("…", cut.Text, StringComparison.Ordinal);
        Assert.StartsWith(cut.Text![..^1], text, StringComparison.Ordinal);
        Assert.Equal(2, cut.Entities!.Count); // the mention text is still in the kept part
    }

    [Fact]
    public void TruncateText_MentionCutOff_DropsItsEntityAndKeepsSurrogatePairsWhole()
    {
        var text = string.Concat(Enumerable.Repeat("🔋", 30_000)) + " <at>rido</at>";
        var activity = new Activity { Text = text, Entities = [Mention.Of(s_user).ToEntity()] };

        var cut = ConnectorLimits.TruncateText(activity, " [truncated]");

        Assert.Null(cut.Entities);
        Assert.EndsWith(" [truncated]", cut.Text, StringComparison.Ordinal);
        Assert.True(cut.Text!.EnumerateRunes().All(r => r.Value is 0x1F50B or ' ' or '[' or ']' || char.IsAsciiLetter((char)r.Value)));
        Assert.True(ConnectorLimits.MeasureBytes(cut) <= ConnectorLimits.MaxActivityBytes);
    }

    [Fact]
    public void TruncateText_AttachmentsAloneTooLarge_Throws()
    {
        var card = JsonDocument.Parse(JsonSerializer.Serialize(new { body = new string('x', ConnectorLimits.MaxActivityBytes) })).RootElement;
        var activity = new Activity { Text = "see card", Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = card }] };

        Assert.Throws<ActivityTooLargeException>(() => ConnectorLimits.TruncateText(activity));
    }

    [Fact]
    public async Task SendToConversationAsync_OversizedActivity_ThrowsBeforeSending()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var activity = new Activity { Text = new string('x', ConnectorLimits.MaxActivityBytes) };

        await Assert.ThrowsAsync<ActivityTooLargeException>(() =>
            harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:chat", activity, CancellationToken.None));

        Assert.Empty(harness.ConnectorRequests);
        Assert.Empty(harness.TokenRequests);
    }
}
