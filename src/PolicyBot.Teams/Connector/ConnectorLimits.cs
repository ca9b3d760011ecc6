using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Connector;

/// <summary>Teams limits for bot messages, for renderers and for the Connector client's own checks.</summary>
public static class ConnectorLimits
{
    /// <summary>
    /// The documented bot message limit: about 100 KB, counting text, mentions and reactions encoded as UTF-16
    /// (learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages). Over it Teams answers
    /// 413 RequestEntityTooLarge / MessageSizeTooBig. Older versions of that page said 40 KB.
    /// </summary>
    public const int DocumentedMaxActivityBytes = 100 * 1024;

    /// <summary>The size we allow: the docs recommend staying within 80 KB to be sure of delivery.</summary>
    public const int MaxActivityBytes = 80 * 1024;

    /// <summary>
    /// Teams' per-bot, per-conversation limits for sending (learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit):
    /// 7 per 1 s, 8 per 2 s, 60 per 30 s, 1800 per hour. Teams also caps an app at about 50 requests/s per tenant.
    /// </summary>
    public static IReadOnlyList<RateWindow> PerConversationWindows { get; } =
    [
        new(TimeSpan.FromSeconds(1), 7),
        new(TimeSpan.FromSeconds(2), 8),
        new(TimeSpan.FromSeconds(30), 60),
        new(TimeSpan.FromHours(1), 1800),
    ];

    // Measured without HTML/non-ASCII escaping: Teams counts characters, not our wire escaping of '<' or CJK text.
    private static readonly JsonSerializerOptions s_measureOptions = new(BotJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The activity's size as Teams counts it: its JSON (as sent, without serviceUrl) encoded as UTF-16.</summary>
    public static int MeasureBytes(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Encoding.Unicode.GetByteCount(JsonSerializer.Serialize(ForWire(activity), s_measureOptions));
    }

    /// <summary>Throws <see cref="ActivityTooLargeException"/> when the activity is over <paramref name="maxBytes"/>.</summary>
    public static void EnsureWithinLimit(Activity activity, int maxBytes = MaxActivityBytes)
    {
        var size = MeasureBytes(activity);
        if (size > maxBytes) throw new ActivityTooLargeException(size, maxBytes);
    }

    /// <summary>
    /// Returns the activity unchanged when it fits; otherwise cuts <see cref="Activity.Text"/> (never inside a surrogate pair),
    /// appends <paramref name="marker"/>, and drops mention entities whose text no longer appears. Throws
    /// <see cref="ActivityTooLargeException"/> when even an empty text does not fit (e.g. large attachments).
    /// </summary>
    public static Activity TruncateText(Activity activity, string marker = "…", int maxBytes = MaxActivityBytes)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(marker);
        if (MeasureBytes(activity) <= maxBytes) return activity;

        var text = activity.Text ?? "";
        if (MeasureBytes(WithText(activity, marker)) > maxBytes) throw new ActivityTooLargeException(MeasureBytes(activity), maxBytes);

        int fits = 0, tooLong = text.Length; // largest prefix known to fit / smallest known not to
        while (tooLong - fits > 1)
        {
            var middle = fits + (tooLong - fits) / 2;
            if (MeasureBytes(WithText(activity, Cut(text, middle) + marker)) <= maxBytes) fits = middle;
            else tooLong = middle;
        }
        return WithText(activity, Cut(text, fits) + marker);
    }

    /// <summary>The activity as the client sends it: bots do not populate serviceUrl (spec A2302).</summary>
    internal static Activity ForWire(Activity activity) => activity.ServiceUrl is null ? activity : activity with { ServiceUrl = null };

    private static Activity WithText(Activity activity, string text)
    {
        var entities = activity.Entities?
            .Where(e => Mention.FromEntity(e) is not { Text: { } mention } || text.Contains(mention, StringComparison.Ordinal))
            .ToList();
        return activity with { Text = text, Entities = entities is { Count: > 0 } ? entities : null };
    }

    private static string Cut(string text, int length) =>
        length > 0 && char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
}
