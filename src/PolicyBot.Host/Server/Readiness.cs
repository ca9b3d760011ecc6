using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PolicyBot.Ai.Chat;
using PolicyBot.Host.Composition;

namespace PolicyBot.Host.Server;

/// <summary>
/// /readyz: the index is open and filled, and each configured dependency answers: Qdrant (registered by the Qdrant adapter),
/// PostgreSQL when State:Provider is postgres, the language model when Ai:Chat:Provider is openai. 200 with "Healthy", or
/// 503 with "Unhealthy" and one short reason per failing check.
/// </summary>
internal static class Readiness
{
    public const string Tag = "ready";

    public static IServiceCollection AddPolicyBotReadiness(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks().AddCheck<IndexReadyCheck>("index", tags: [Tag]);
        if ((configuration.GetSection(StateOptions.Section).Get<StateOptions>() ?? new StateOptions()).Provider == StateProvider.Postgres)
            checks.AddCheck<PostgresReadyCheck>("postgres", tags: [Tag]);
        if (configuration.GetSection(ChatOptions.Section).Get<ChatOptions>()?.UsesOpenAi == true)
        {
            services.AddHttpClient(LanguageModelReadyCheck.HttpClientName);
            services.AddSingleton<LanguageModelReadyCheck>();
            checks.AddCheck<LanguageModelReadyCheck>("language-model", tags: [Tag]);
        }
        return services;
    }

    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Tag), ResponseWriter = WriteAsync });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var text = new StringBuilder(report.Status.ToString());
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy))
            text.Append('\n').Append(name).Append(": ").Append(entry.Description ?? entry.Status.ToString());
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString());
    }
}
