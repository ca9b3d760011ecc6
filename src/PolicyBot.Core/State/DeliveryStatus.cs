namespace PolicyBot.Core.State;

/// <summary>The delivery log's row states, as stored ("claimed", "delivered", "skipped").</summary>
public static class DeliveryStatus
{
    public const string Claimed = "claimed";
    public const string Delivered = "delivered";
    public const string Skipped = "skipped";
}
