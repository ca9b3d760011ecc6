using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace PolicyBot.Qdrant;

/// <summary>Fails at startup, naming the key, when the Qdrant settings cannot work.</summary>
internal sealed partial class QdrantOptionsValidator : IValidateOptions<QdrantOptions>
{
    public ValidateOptionsResult Validate(string? name, QdrantOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            errors.Add($"{QdrantOptions.Section}:Endpoint is required to use Qdrant (PolicyBot:Index:Provider=qdrant, or index migrate --to qdrant): the gRPC address, e.g. http://localhost:6334.");
        }
        else if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{QdrantOptions.Section}:Endpoint must be an http:// or https:// URL of Qdrant's gRPC port (was '{options.Endpoint}').");
        }
        else if (uri.Port == 6333)
        {
            errors.Add($"{QdrantOptions.Section}:Endpoint points at port 6333, Qdrant's REST port; PolicyBot talks gRPC (default port 6334).");
        }
        if (!CollectionName().IsMatch(options.Collection ?? ""))
        {
            errors.Add($"{QdrantOptions.Section}:Collection must be 1-255 letters, digits, '_' or '-' (was '{options.Collection}').");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex CollectionName();
}
