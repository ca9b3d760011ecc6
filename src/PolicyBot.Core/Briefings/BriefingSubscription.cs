namespace PolicyBot.Core.Briefings;

/// <summary>A channel's standing order for briefings.</summary>
/// <param name="Platform">"discord" or "teams".</param>
/// <param name="ChannelId">The Discord channel id or the Teams conversation id the briefing is posted to.</param>
/// <param name="SkipWhenEmpty">True: no message when nothing changed; false: a short "no changes" note.</param>
/// <param name="LastBriefingAt">The end of the period the last delivered briefing covered; the next one reports changes after it.</param>
public sealed record BriefingSubscription(
    string Id,
    string Platform,
    string ChannelId,
    BriefingSchedule Schedule,
    IReadOnlyList<string> Jurisdictions,
    IReadOnlyList<string> Materials,
    bool SkipWhenEmpty,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastBriefingAt);
