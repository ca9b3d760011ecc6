namespace PolicyBot.Teams.Models;

public static class ActivityReplyExtensions
{
    /// <summary>
    /// A message replying to <paramref name="activity"/>: <c>from</c> and <c>recipient</c> swapped, same conversation,
    /// <c>replyToId</c> = the inbound id, and the inbound <c>serviceUrl</c>, <c>channelId</c> and <c>locale</c>.
    /// <see cref="Activity.ServiceUrl"/> tells the caller where to send; <c>ConnectorClient</c> leaves it out of the
    /// request body (spec A2302: bots should not populate it).
    /// </summary>
    public static Activity CreateReply(this Activity activity, string? text = null, string? locale = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new Activity
        {
            Type = ActivityTypes.Message,
            From = activity.Recipient is { } bot ? new ChannelAccount { Id = bot.Id, Name = bot.Name } : null,
            Recipient = activity.From,
            Conversation = activity.Conversation,
            ReplyToId = activity.Id,
            ServiceUrl = activity.ServiceUrl,
            ChannelId = activity.ChannelId,
            Locale = locale ?? activity.Locale,
            Text = text,
        };
    }
}
