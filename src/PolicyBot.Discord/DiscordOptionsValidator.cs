using Microsoft.Extensions.Options;

namespace PolicyBot.Discord;

/// <summary>Checks the Discord settings that only make sense together, naming the key that is wrong.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var errors = new List<string>();
        if (options.ShardId >= options.ShardCount)
            errors.Add($"Discord:ShardId ({options.ShardId}) must be less than Discord:ShardCount ({options.ShardCount}).");
        if (!Uri.TryCreate(options.GatewayUrl, UriKind.Absolute, out var gateway) || gateway.Scheme is not ("ws" or "wss"))
            errors.Add("Discord:GatewayUrl must be a ws:// or wss:// URL.");
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
            errors.Add("Discord:ApiBaseUrl must be an http(s) URL.");
        if (options.InteractionsEnabled && string.IsNullOrWhiteSpace(options.ApplicationId))
            errors.Add("Discord:ApplicationId is required when Discord:PublicKey is set (interaction follow-ups need it).");
        if (options.Token is { Length: > 0 } token && token.Any(char.IsWhiteSpace))
            errors.Add("Discord:Token contains whitespace; paste the bot token alone (without the 'Bot ' prefix).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
