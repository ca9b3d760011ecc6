namespace PolicyBot.Teams.Connector;

/// <summary>Bearer tokens for calls to the Bot Connector.</summary>
public interface IConnectorTokenProvider
{
    /// <summary>A valid token, cached until shortly before it expires.</summary>
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Forgets <paramref name="token"/> if it is the cached one (the Connector answered 401 to it).</summary>
    void Invalidate(string token);
}
