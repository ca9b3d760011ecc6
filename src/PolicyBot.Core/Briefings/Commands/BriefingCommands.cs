using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PolicyBot.Core.Briefings.Composition;
using PolicyBot.Core.State;

namespace PolicyBot.Core.Briefings.Commands;

/// <summary>
/// The <c>brief</c> commands of a channel: text or a parsed <see cref="BriefCommand"/> ─► permission check (subscribe and
/// unsubscribe only) ─► subscription store or composer ─► platform-neutral <see cref="BriefingCommandResult"/>.
/// </summary>
public sealed class BriefingCommands(
    IBriefingComposer composer,
    ISubscriptionStore subscriptions,
    IScheduleParser schedules,
    TimeProvider time,
    ILogger<BriefingCommands> logger,
    Func<string>? newId = null)
{
    /// <summary>How far back <c>brief now</c> looks without --since or an earlier briefing in the channel.</summary>
    public const int DefaultLookbackDays = 7;

    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private readonly Func<string> _newId = newId ?? NewId;

    /// <summary>Handles the text when it is a brief command; otherwise returns null (the text is for someone else).</summary>
    public async Task<BriefingCommandResult?> TryHandleAsync(BriefingCommandContext context, string text, CancellationToken cancellationToken) =>
        BriefingCommandParser.TryParse(text, out var command) ? await HandleAsync(context, command, cancellationToken) : null;

    public async Task<BriefingCommandResult> HandleAsync(BriefingCommandContext context, BriefCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        return command switch
        {
            BriefCommand.Now now => await NowAsync(context, now, cancellationToken),
            BriefCommand.Subscribe subscribe when context.CanManage => await SubscribeAsync(context, subscribe, cancellationToken),
            BriefCommand.Unsubscribe unsubscribe when context.CanManage => await UnsubscribeAsync(context, unsubscribe, cancellationToken),
            BriefCommand.Subscribe or BriefCommand.Unsubscribe => Refuse(context, command),
            BriefCommand.List => await ListAsync(context, cancellationToken),
            BriefCommand.Invalid invalid => new BriefingCommandResult(BriefingCommandOutcome.Invalid, $"{invalid.Error}\n\n{BriefingCommandParser.Usage}"),
            _ => new BriefingCommandResult(BriefingCommandOutcome.Help, BriefingCommandParser.Usage),
        };
    }

    private async Task<BriefingCommandResult> NowAsync(BriefingCommandContext context, BriefCommand.Now command, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow();
        var since = command.Since is { } date
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : (await ChannelAsync(context, cancellationToken)).Select(s => s.LastBriefingAt).Max() ?? until.AddDays(-DefaultLookbackDays);
        if (since > until) since = until;
        var subscription = new BriefingSubscription("now", context.Platform, context.ChannelId,
            new BriefingSchedule(ScheduleKind.Daily, null, null, null, "UTC"), command.Jurisdictions, command.Materials,
            SkipWhenEmpty: false, context.UserId, until, LastBriefingAt: null);
        var briefing = await composer.ComposeAsync(subscription, since, until, cancellationToken);
        return new BriefingCommandResult(BriefingCommandOutcome.Done, BriefingText.Render(briefing, subscription))
        {
            Briefing = briefing,
            Subscription = subscription,
        };
    }

    private async Task<BriefingCommandResult> SubscribeAsync(BriefingCommandContext context, BriefCommand.Subscribe command, CancellationToken cancellationToken)
    {
        if (!schedules.TryParse(command.Schedule, out var schedule, out var error) || schedule is null)
            return new BriefingCommandResult(BriefingCommandOutcome.Invalid,
                $"I couldn't read the schedule \"{command.Schedule}\"{(error is null ? "." : $": {error}")}\n" +
                "Examples: `daily 08:00 Europe/Berlin`, `weekly monday 09:30 UTC`, `cron \"0 7 * * 1-5\" Asia/Shanghai`.");

        var existing = (await ChannelAsync(context, cancellationToken)).FirstOrDefault(s => s.Schedule == schedule && s.SkipWhenEmpty == command.SkipEmpty
            && SameSet(s.Jurisdictions, command.Jurisdictions) && SameSet(s.Materials, command.Materials));
        if (existing is not null)
            return new BriefingCommandResult(BriefingCommandOutcome.Done,
                $"This channel already has that briefing: `{existing.Id}`, {ScheduleText.Describe(existing.Schedule)}, {BriefingFilter.Describe(existing)}.")
            { Subscription = existing };

        var subscription = new BriefingSubscription(_newId(), context.Platform, context.ChannelId, schedule, command.Jurisdictions, command.Materials,
            command.SkipEmpty, context.UserId, time.GetUtcNow(), LastBriefingAt: null);
        await subscriptions.AddAsync(subscription, cancellationToken);
        logger.SubscriptionAdded(subscription.Id, context.Platform, context.ChannelId, context.UserId);
        var empty = command.SkipEmpty ? "Briefings with no changes are skipped." : "When nothing changed, a short \"no changes\" note is posted.";
        return new BriefingCommandResult(BriefingCommandOutcome.Done,
            $"Subscribed: a policy briefing {ScheduleText.Describe(schedule)} for {BriefingFilter.Describe(subscription)}. {empty} " +
            $"Id `{subscription.Id}`; stop it with `brief unsubscribe {subscription.Id}`.")
        { Subscription = subscription };
    }

    private async Task<BriefingCommandResult> ListAsync(BriefingCommandContext context, CancellationToken cancellationToken)
    {
        var channel = await ChannelAsync(context, cancellationToken);
        if (channel.Count == 0)
            return new BriefingCommandResult(BriefingCommandOutcome.Done,
                "No briefing subscriptions in this channel. Start one with `brief subscribe daily 08:00 UTC`.");
        var text = new StringBuilder("Briefing subscriptions in this channel:");
        foreach (var s in channel)
        {
            text.Append($"\n`{s.Id}` · {ScheduleText.Describe(s.Schedule)} · {BriefingFilter.Describe(s)}");
            text.Append(s.SkipWhenEmpty ? " · skips empty briefings" : " · posts a note when nothing changed");
            if (s.LastBriefingAt is { } last) text.Append($" · last briefing up to {BriefingFormat.Date(BriefingFormat.LocalDate(last, s.Schedule.TimeZone))}");
        }
        return new BriefingCommandResult(BriefingCommandOutcome.Done, text.ToString()) { Subscriptions = channel };
    }

    private async Task<BriefingCommandResult> UnsubscribeAsync(BriefingCommandContext context, BriefCommand.Unsubscribe command, CancellationToken cancellationToken)
    {
        // Only this channel's subscriptions can be stopped from here, whatever id is typed.
        var target = (await ChannelAsync(context, cancellationToken)).FirstOrDefault(s => string.Equals(s.Id, command.Id.Trim('`'), StringComparison.OrdinalIgnoreCase));
        if (target is null || !await subscriptions.RemoveAsync(target.Id, cancellationToken))
            return new BriefingCommandResult(BriefingCommandOutcome.NotFound, $"This channel has no briefing subscription `{command.Id}`; `brief list` shows them.");
        logger.SubscriptionRemoved(target.Id, context.UserId);
        return new BriefingCommandResult(BriefingCommandOutcome.Done,
            $"Stopped briefing `{target.Id}` ({ScheduleText.Describe(target.Schedule)}, {BriefingFilter.Describe(target)}).")
        { Subscription = target };
    }

    private BriefingCommandResult Refuse(BriefingCommandContext context, BriefCommand command)
    {
        var verb = command is BriefCommand.Subscribe ? "subscribe" : "unsubscribe";
        logger.CommandRefused(verb, context.UserId, context.ChannelId);
        var who = context.Platform.Equals("discord", StringComparison.OrdinalIgnoreCase)
            ? "members with the Manage Channel permission"
            : "the team members allowed to manage briefings (team owners, unless your admins chose otherwise)";
        return new BriefingCommandResult(BriefingCommandOutcome.Refused,
            $"Sorry, only {who} can {(verb == "subscribe" ? "set up" : "stop")} briefings in this channel. " +
            "You can still use `brief now` and `brief list`.");
    }

    private async Task<IReadOnlyList<BriefingSubscription>> ChannelAsync(BriefingCommandContext context, CancellationToken cancellationToken) =>
        [.. (await subscriptions.ListAsync(context.Platform, context.ChannelId, cancellationToken)).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal)];

    private static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(b);

    /// <summary>"b" and 7 characters without look-alikes: short, so delivery ids built from it stay within Discord's 25-character nonce.</summary>
    private static string NewId() => "b" + RandomNumberGenerator.GetString(Alphabet, 7);
}
