using Microsoft.Extensions.Logging;

namespace PolicyBot.Teams.Auth;

/// <summary>Event IDs 600-649: Teams inbound authentication. Tokens themselves are never logged.</summary>
internal static partial class AuthLog
{
    [LoggerMessage(600, LogLevel.Information, "Rejected Bot Framework token: {Reason}. {Detail}")]
    public static partial void TokenRejected(this ILogger logger, TokenFailureReason reason, string? detail);

    [LoggerMessage(601, LogLevel.Debug, "Validated Bot Framework token for channel {ChannelId}")]
    public static partial void TokenValidated(this ILogger logger, string? channelId);

    [LoggerMessage(602, LogLevel.Information, "Loaded {KeyCount} Bot Framework signing keys from {JwksUri} ({Trigger})")]
    public static partial void SigningKeysLoaded(this ILogger logger, int keyCount, Uri jwksUri, string trigger);

    [LoggerMessage(603, LogLevel.Warning, "Could not load Bot Framework signing keys from {MetadataUrl} ({Trigger}); {CachedKeyCount} cached keys stay in use")]
    public static partial void SigningKeysLoadFailed(this ILogger logger, Exception exception, Uri metadataUrl, string trigger, int cachedKeyCount);

    [LoggerMessage(604, LogLevel.Debug, "Signing key {KeyId} is unknown, but keys were fetched {SecondsAgo:F0} s ago; not refetching yet")]
    public static partial void SigningKeyRefreshThrottled(this ILogger logger, string keyId, double secondsAgo);

    [LoggerMessage(605, LogLevel.Debug, "Skipped JWKS entry {KeyId}: {Reason}")]
    public static partial void JwksEntrySkipped(this ILogger logger, string? keyId, string reason);
}
