using Microsoft.Extensions.Options;

namespace PolicyBot.Ai.Embeddings;

/// <summary>Checks the settings each provider needs, naming the configuration key that is wrong.</summary>
internal sealed class EmbeddingProviderValidator : IValidateOptions<EmbeddingOptions>
{
    private const string Prefix = EmbeddingOptions.Section + ":";
    private const int MaxLocalBatchSize = 256;

    public ValidateOptionsResult Validate(string? name, EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        switch (options.Provider)
        {
            case EmbeddingProvider.Local:
                if (options.Dimensions is { } dimensions && dimensions != MiniLmEmbedder.VectorDimensions)
                {
                    builder.AddError($"{Prefix}Dimensions is {dimensions} but the local model produces {MiniLmEmbedder.VectorDimensions}; remove the setting or choose Provider=openai.");
                }

                if (options.BatchSize > MaxLocalBatchSize)
                {
                    builder.AddError($"{Prefix}BatchSize is {options.BatchSize}; the local model allows at most {MaxLocalBatchSize} (attention memory grows with batch x 256²).");
                }

                break;
            case EmbeddingProvider.OpenAI:
                if (options.Endpoint is null)
                {
                    builder.AddError($"{Prefix}Endpoint is required when Provider is openai (e.g. https://api.openai.com/v1).");
                }
                else if (!options.Endpoint.IsAbsoluteUri || (options.Endpoint.Scheme != Uri.UriSchemeHttp && options.Endpoint.Scheme != Uri.UriSchemeHttps))
                {
                    builder.AddError($"{Prefix}Endpoint must be an absolute http(s) URL.");
                }

                if (string.IsNullOrWhiteSpace(options.Model))
                {
                    builder.AddError($"{Prefix}Model is required when Provider is openai (e.g. text-embedding-3-small).");
                }

                if (options.Dimensions is null)
                {
                    builder.AddError($"{Prefix}Dimensions is required when Provider is openai (the model's vector length, e.g. 1536).");
                }

                break;
            default:
                builder.AddError($"{Prefix}Provider '{options.Provider}' is not supported; use local or openai.");
                break;
        }

        return builder.Build();
    }
}
