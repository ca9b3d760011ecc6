using PolicyBot.Core.Feedback;

namespace PolicyBot.Core.Tests.Reporting;

public sealed class FeedbackVotesTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-30T09:00:00Z");

    private static FeedbackRecord Vote(string user, string reply, bool helpful, string? reason, int minute, string platform = "discord") =>
        new(platform, "c1", user, reply, helpful, reason, "q", "a", [], T0.AddMinutes(minute));

    [Fact]
    public void LatestPerVoter_ReasonAddedLater_CountsOnceWithTheReason()
    {
        var votes = new[] { Vote("u1", "r1", false, null, 0), Vote("u1", "r1", false, "No recycling figure.", 1) };

        var counted = Assert.Single(FeedbackVotes.LatestPerVoter(votes));

        Assert.Equal("No recycling figure.", counted.Reason);
    }

    [Fact]
    public void LatestPerVoter_ChangedMindOtherPeopleAndOtherAnswers_KeepsOnePerPersonAndAnswerInStoredOrder()
    {
        var votes = new[]
        {
            Vote("u1", "r1", true, null, 0),
            Vote("u2", "r1", false, null, 1),
            Vote("u1", "r2", true, null, 2),
            Vote("u1", "r1", false, "Outdated.", 3),
            Vote("u1", "r1", true, null, 4, platform: "teams"),
        };

        var counted = FeedbackVotes.LatestPerVoter(votes);

        Assert.Equal(
            [("discord", "u2", "r1", false), ("discord", "u1", "r2", true), ("discord", "u1", "r1", false), ("teams", "u1", "r1", true)],
            counted.Select(v => (v.Platform, v.UserId, v.ReplyKey, v.Helpful)));
    }

    [Fact]
    public void LatestPerVoter_SameInstant_TheOneStoredLastWins()
    {
        var votes = new[] { Vote("u1", "r1", true, null, 0), Vote("u1", "r1", false, "Wrong date.", 0) };

        Assert.False(Assert.Single(FeedbackVotes.LatestPerVoter(votes)).Helpful);
    }
}
