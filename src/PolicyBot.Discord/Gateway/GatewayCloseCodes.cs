namespace PolicyBot.Discord.Gateway;

/// <summary>What Discord's gateway close codes mean for the client (docs: topics/opcodes-and-status-codes).</summary>
internal static class GatewayCloseCodes
{
    public const int AuthenticationFailed = 4004, InvalidSeq = 4007, RateLimited = 4008, SessionTimedOut = 4009, InvalidShard = 4010,
        ShardingRequired = 4011, InvalidApiVersion = 4012, InvalidIntents = 4013, DisallowedIntents = 4014;

    /// <summary>A close code the client sends to leave the session resumable (1000 and 1001 would end it).</summary>
    public const int ClientResumable = 4000;

    public static GatewayDisconnect Classify(int? closeCode, string? description) => closeCode switch
    {
        AuthenticationFailed => GatewayDisconnect.Stop(
            "Discord rejected the token (4004 Authentication failed): check Discord:Token (the bot token from the Developer Portal, without a \"Bot \" prefix).",
            AuthenticationFailed),
        InvalidShard => GatewayDisconnect.Stop(
            "Discord rejected the shard (4010 Invalid shard): check Discord:ShardId (0 .. ShardCount-1) and Discord:ShardCount.", InvalidShard),
        ShardingRequired => GatewayDisconnect.Stop(
            "Discord requires sharding (4011 Sharding required): the bot is in too many guilds for one shard; raise Discord:ShardCount.",
            ShardingRequired),
        InvalidApiVersion => GatewayDisconnect.Stop(
            "Discord rejected the gateway version (4012 Invalid API version): this client speaks gateway v10.", InvalidApiVersion),
        InvalidIntents => GatewayDisconnect.Stop(
            "Discord rejected the intents (4013 Invalid intents): the intents value sent in IDENTIFY is not valid.", InvalidIntents),
        DisallowedIntents => GatewayDisconnect.Stop(
            "Discord refused a privileged intent (4014 Disallowed intents): enable MESSAGE CONTENT INTENT under Bot > Privileged Gateway Intents in the Discord Developer Portal.",
            DisallowedIntents),
        InvalidSeq => GatewayDisconnect.StartOver("invalid sequence on resume (4007)", ReconnectDelay.None, InvalidSeq),
        SessionTimedOut => GatewayDisconnect.StartOver("session timed out (4009)", ReconnectDelay.None, SessionTimedOut),
        _ => GatewayDisconnect.Resume($"closed by Discord ({closeCode?.ToString() ?? "no code"}{(string.IsNullOrEmpty(description) ? "" : ": " + description)})",
            ReconnectDelay.Backoff, closeCode),
    };
}
