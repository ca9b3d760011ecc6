using Microsoft.Extensions.Options;

namespace PolicyBot.Ai.Chat;

/// <summary>Fails at startup, naming the key, when the chosen provider lacks what it needs.</summary>
internal sealed class ChatOptionsValidator : IValidateOptions<ChatOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatOptions options)
    {
        var errors = new List<string>();
        if (!options.UsesOpenAi && !string.Equals(options.Provider, ChatOptions.Extractive, StringComparison.OrdinalIgnoreCase))
            errors.Add($"{ChatOptions.Section}:Provider must be '{ChatOptions.Extractive}' or '{ChatOptions.OpenAi}' (was '{options.Provider}').");
        if (options.UsesOpenAi)
        {
            if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                errors.Add($"{ChatOptions.Section}:Endpoint must be an http(s) URL when Provider is '{ChatOptions.OpenAi}'.");
            if (string.IsNullOrWhiteSpace(options.Model))
                errors.Add($"{ChatOptions.Section}:Model is required when Provider is '{ChatOptions.OpenAi}'.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
