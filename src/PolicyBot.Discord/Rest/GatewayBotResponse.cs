namespace PolicyBot.Discord.Rest;

/// <summary>The part of GET /gateway/bot that PolicyBot reads.</summary>
internal sealed record GatewayBotResponse(string Url, int Shards = 1);
