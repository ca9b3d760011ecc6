using PolicyBot.Core.Briefings;
using PolicyBot.Core.Briefings.Commands;
using PolicyBot.Core.Briefings.Scheduling;

namespace PolicyBot.Host.Composition;

/// <summary>The brief commands read schedules with the scheduler's own parser.</summary>
internal sealed class ScheduleTextParser : IScheduleParser
{
    public bool TryParse(string text, out BriefingSchedule? schedule, out string? error)
    {
        var ok = ScheduleParser.TryParse(text, out var parsed, out var problem);
        (schedule, error) = (parsed, problem);
        return ok;
    }
}
