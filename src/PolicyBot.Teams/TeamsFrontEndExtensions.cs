using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Briefings;
using PolicyBot.Core.State;
using PolicyBot.Teams;
using PolicyBot.Teams.Briefings;
using PolicyBot.Teams.Bot;

namespace Microsoft.Extensions.DependencyInjection;

public static class TeamsFrontEndExtensions
{
    /// <summary>
    /// The Teams front-end: inbound JWT validation, the Connector client, the activity handler and its background queue.
    /// POST /api/messages is mapped only when Teams:AppId is set; there is no unauthenticated mode.
    /// </summary>
    public static IServiceCollection AddTeamsFrontEnd(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        services.AddTeamsAuthentication();
        services.AddTeamsConnector();
        services.TryAddSingleton<ITeamsAuthenticator, JwtTeamsAuthenticator>();
        services.TryAddSingleton<ITeamsReplySender, ConnectorReplySender>();
        // Conversation references go wherever the host keeps its state (AddPolicyBot*State); in memory when the host registers none.
        services.TryAddSingleton<IConversationAddressStore, InMemoryConversationAddressStore>();
        services.TryAddSingleton<IConversationReferenceStore, ConversationReferenceStore>();
        services.TryAddSingleton<BackgroundWork>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<BackgroundWork>());
        services.TryAddSingleton<TeamsBriefingAccess>();
        services.TryAddSingleton<TeamsActivityHandler>();
        services.AddSingleton<IBriefingSink, TeamsBriefingSink>();
        return services;
    }

    public static IEndpointRouteBuilder MapTeamsFrontEnd(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value.Enabled)
            endpoints.MapTeamsBot();
        return endpoints;
    }
}
