using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PolicyBot.Core.Telemetry;

namespace PolicyBot.Host.Telemetry;

/// <summary>
/// Subscribes OpenTelemetry to the PolicyBot meter and activity source (plus ASP.NET Core and HttpClient), and exports
/// them over OTLP and/or a Prometheus scrape endpoint as <see cref="TelemetryOptions"/> say.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddPolicyBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = !string.IsNullOrWhiteSpace(options.OtlpEndpoint) || !string.IsNullOrWhiteSpace(configuration[TelemetryOptions.StandardEndpointVariable]);
        if (!otlp && !options.Prometheus) return services;

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(string.IsNullOrWhiteSpace(options.ServiceName) ? "policybot" : options.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PolicyBotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (options.Prometheus) metrics.AddPrometheusExporter();
                if (otlp) metrics.AddOtlpExporter(o => ConfigureOtlp(o, options, "v1/metrics"));
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(PolicyBotTelemetry.Name)
                    // Health probes and scrapes would drown the interesting spans.
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path, options))
                    .AddHttpClientInstrumentation();
                if (otlp) tracing.AddOtlpExporter(o => ConfigureOtlp(o, options, "v1/traces"));
            });
        return services;
    }

    /// <summary>Maps the Prometheus scrape endpoint when it is switched on.</summary>
    public static IEndpointRouteBuilder MapPolicyBotTelemetry(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (options.Prometheus) endpoints.MapPrometheusScrapingEndpoint(options.PrometheusPath);
        return endpoints;
    }

    // Without an endpoint in PolicyBot:Telemetry the exporter reads the standard OTEL_EXPORTER_OTLP_* variables itself.
    // An endpoint set in code is used as is, so over HTTP each signal needs its own path, as the variable would give it.
    private static void ConfigureOtlp(OtlpExporterOptions otlp, TelemetryOptions options, string signalPath)
    {
        if (string.IsNullOrWhiteSpace(options.OtlpEndpoint)) return;
        var endpoint = new Uri(options.OtlpEndpoint.TrimEnd('/') + "/");
        otlp.Protocol = options.UsesHttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        otlp.Endpoint = options.UsesHttpProtobuf ? new Uri(endpoint, signalPath) : new Uri(options.OtlpEndpoint);
    }

    private static bool IsProbe(PathString path, TelemetryOptions options) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments(options.PrometheusPath);
}
