using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Teams.Auth;

/// <summary>
/// The Bot Framework signing keys, fetched on first use and refetched when older than
/// <see cref="BotFrameworkAuthDefaults.KeyRefreshInterval"/> or when a token names an unknown <c>kid</c>
/// (at most once per <see cref="BotFrameworkAuthDefaults.MinimumRefreshInterval"/>). One fetch at a time;
/// a failed fetch keeps the previous keys.
/// </summary>
internal sealed class SigningKeyCache(BotFrameworkMetadataClient client, Uri metadataUrl, TimeProvider timeProvider, ILogger logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _current;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue; // guarded by _gate

    /// <summary>The current keys, refetched first if they are stale or lack <paramref name="keyId"/> (throttled); null if none ever loaded.</summary>
    public async ValueTask<SigningKeySet?> GetKeysAsync(string keyId, CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && IsFresh(current) && current.Keys.TryGet(keyId, out _)) return current.Keys;

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await RefreshIfAllowedAsync(keyId, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SigningKeySet?> RefreshIfAllowedAsync(string keyId, CancellationToken cancellationToken)
    {
        var current = _current;
        var fresh = current is not null && IsFresh(current);
        if (fresh && current!.Keys.TryGet(keyId, out _)) return current.Keys; // another request refreshed meanwhile

        var now = timeProvider.GetUtcNow();
        var sinceLastAttempt = now - _lastAttempt;
        var wait = current is null ? BotFrameworkAuthDefaults.EmptyCacheRetryInterval : BotFrameworkAuthDefaults.MinimumRefreshInterval;
        if (sinceLastAttempt < wait)
        {
            if (fresh) logger.SigningKeyRefreshThrottled(keyId.Length > 64 ? keyId[..64] : keyId, sinceLastAttempt.TotalSeconds);
            return current?.Keys;
        }

        var trigger = current is null ? "first load" : fresh ? "unknown kid" : "refresh interval elapsed";
        var previousAttempt = _lastAttempt;
        _lastAttempt = now;
        try
        {
            var keys = await client.FetchSigningKeysAsync(metadataUrl, cancellationToken);
            _current = new Snapshot(keys, now);
            logger.SigningKeysLoaded(keys.Count, keys.Source, trigger);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _lastAttempt = previousAttempt; // the caller gave up; the next request may try again at once
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidDataException or TaskCanceledException)
        {
            logger.SigningKeysLoadFailed(ex, metadataUrl, trigger, current?.Keys.Count ?? 0);
        }

        return _current?.Keys;
    }

    private bool IsFresh(Snapshot snapshot) =>
        timeProvider.GetUtcNow() - snapshot.FetchedAt < BotFrameworkAuthDefaults.KeyRefreshInterval;

    private sealed record Snapshot(SigningKeySet Keys, DateTimeOffset FetchedAt);
}
