using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace PolicyBot.Core.Briefings.Scheduling;

/// <summary>How often the scheduler looks for due slots, how long a claim is held, and who this instance is.</summary>
public sealed class BriefingSchedulerOptions
{
    public const string Section = "PolicyBot:Briefings:Scheduler";

    /// <summary>Time between runs; a slot is sent at most this late.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")] public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a claim is held before another instance (or this one after a restart) may retry the slot with the same delivery id.
    /// It must cover composing and sending one briefing, and should stay within Discord's nonce window ("a few minutes").
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")] public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Names this instance in the delivery log; machine name and process id when empty.</summary>
    public string? InstanceId { get; set; }

    public string ResolvedInstanceId =>
        string.IsNullOrWhiteSpace(InstanceId) ? $"{Environment.MachineName}:{Environment.ProcessId}" : InstanceId.Trim();
}

[OptionsValidator]
internal sealed partial class BriefingSchedulerOptionsValidator : IValidateOptions<BriefingSchedulerOptions>;
