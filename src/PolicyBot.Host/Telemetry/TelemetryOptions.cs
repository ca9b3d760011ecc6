using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Host.Telemetry;

/// <summary>
/// Where the server's OpenTelemetry metrics and traces go. Nothing is exported unless an OTLP endpoint is set (here or by the
/// standard OTEL_EXPORTER_OTLP_ENDPOINT variable) or the Prometheus scrape endpoint is switched on.
/// </summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "PolicyBot:Telemetry";
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>OTLP collector, e.g. http://127.0.0.1:4317 (gRPC) or http://127.0.0.1:4318 (with <see cref="OtlpProtocol"/> http/protobuf).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>Serve the metrics in Prometheus text format at <see cref="PrometheusPath"/>.</summary>
    public bool Prometheus { get; set; }

    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>service.name on every exported metric and span.</summary>
    [Required] public string ServiceName { get; set; } = "policybot";

    public bool UsesHttpProtobuf => string.Equals(OtlpProtocol, "http/protobuf", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint)
            && (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            yield return new ValidationResult($"{Section}:OtlpEndpoint must be an http(s) URL (was '{OtlpEndpoint}').", [nameof(OtlpEndpoint)]);
        if (!string.Equals(OtlpProtocol, "grpc", StringComparison.OrdinalIgnoreCase) && !UsesHttpProtobuf)
            yield return new ValidationResult($"{Section}:OtlpProtocol must be 'grpc' or 'http/protobuf' (was '{OtlpProtocol}').", [nameof(OtlpProtocol)]);
        if (string.IsNullOrWhiteSpace(PrometheusPath) || !PrometheusPath.StartsWith('/'))
            yield return new ValidationResult($"{Section}:PrometheusPath must start with '/' (was '{PrometheusPath}').", [nameof(PrometheusPath)]);
    }
}
