using Microsoft.Extensions.Options;

namespace PolicyBot.Teams;

/// <summary>When Teams is enabled, it needs what the Connector needs; each failure names its key.</summary>
internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        if (!options.Enabled) return ValidateOptionsResult.Success;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AppPassword))
            errors.Add("Teams:AppPassword is required when Teams:AppId is set (from user-secrets or the Teams__AppPassword environment variable).");
        if (!Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out _))
            errors.Add("Teams:OpenIdMetadataUrl must be an absolute URL.");
        if (options.TokenEndpoint is { Length: > 0 } endpoint && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
            errors.Add("Teams:TokenEndpoint must be an absolute URL.");
        if (options.TenantId is { Length: > 0 } tenant && !Guid.TryParse(tenant, out _))
            errors.Add("Teams:TenantId must be a GUID (the tenant of a single-tenant bot).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
