using Microsoft.Extensions.Options;

namespace PolicyBot.Discord.Interactions;

/// <summary>Fails startup when <c>Discord:PublicKey</c> is set but unusable; an unset key just leaves the endpoint off.</summary>
internal sealed class DiscordPublicKeyValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options) =>
        !options.InteractionsEnabled ? ValidateOptionsResult.Skip
        : InteractionSignatureVerifier.IsValidPublicKey(options.PublicKey) ? ValidateOptionsResult.Success
        : ValidateOptionsResult.Fail(InteractionSignatureVerifier.DescribeInvalidKey(options.PublicKey));
}
