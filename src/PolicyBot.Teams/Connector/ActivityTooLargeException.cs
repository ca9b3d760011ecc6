namespace PolicyBot.Teams.Connector;

/// <summary>An outbound activity is over <see cref="ConnectorLimits.MaxActivityBytes"/>; Teams would answer 413 MessageSizeTooBig.</summary>
public sealed class ActivityTooLargeException(int sizeBytes, int limitBytes)
    : Exception($"The activity is {sizeBytes} bytes (UTF-16) but Teams accepts at most {limitBytes}; shorten it or use ConnectorLimits.TruncateText.")
{
    public int SizeBytes { get; } = sizeBytes;
    public int LimitBytes { get; } = limitBytes;
}
