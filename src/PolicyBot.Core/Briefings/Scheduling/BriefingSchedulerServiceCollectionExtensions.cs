using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Briefings.Scheduling;

namespace Microsoft.Extensions.DependencyInjection;

public static class BriefingSchedulerServiceCollectionExtensions
{
    /// <summary>
    /// The scheduler and its worker. Needs an <c>ISubscriptionStore</c>, <c>IDeliveryLog</c>, <c>IBriefingComposer</c> and one
    /// <c>IBriefingSink</c> per platform. Bind the returned options:
    /// <c>services.AddPolicyBotBriefingScheduler().BindConfiguration(BriefingSchedulerOptions.Section).ValidateOnStart();</c>
    /// </summary>
    public static OptionsBuilder<BriefingSchedulerOptions> AddPolicyBotBriefingScheduler(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BriefingScheduler>();
        services.AddHostedService<BriefingWorker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BriefingSchedulerOptions>, BriefingSchedulerOptionsValidator>());
        return services.AddOptions<BriefingSchedulerOptions>();
    }
}
