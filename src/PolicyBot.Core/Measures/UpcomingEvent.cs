namespace PolicyBot.Core.Measures;

public enum UpcomingKind
{
    /// <summary>The front matter's effective date.</summary>
    TakesEffect,
    /// <summary>A date in the front matter's status, e.g. the end of a suspension.</summary>
    StatusDate,
    /// <summary>A dated obligation or deadline stated in a passage, e.g. "From 18 February 2027, ... must have a battery passport".</summary>
    Deadline,
}

/// <summary>A date in the coming days and what happens then.</summary>
/// <param name="Description">"takes effect", the status text, or the sentence stating the deadline.</param>
public sealed record UpcomingEvent(DateOnly Date, Measure Measure, UpcomingKind Kind, string Description, Evidence Evidence);
