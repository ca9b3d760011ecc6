namespace PolicyBot.Teams.Models;

public static class ActivityEntityExtensions
{
    /// <summary>The mention entities of <paramref name="activity"/>; other entity types are ignored (spec A2104).</summary>
    public static IReadOnlyList<Mention> GetMentions(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Entities is null ? [] : [.. activity.Entities.Select(Mention.FromEntity).OfType<Mention>()];
    }
}
