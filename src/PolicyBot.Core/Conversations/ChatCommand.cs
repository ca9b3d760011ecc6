namespace PolicyBot.Core.Conversations;

/// <summary>What a chat user asked for, whatever the platform.</summary>
public abstract record ChatCommand
{
    /// <summary>A question for a cited answer (also a plain message that names no command).</summary>
    public sealed record Ask(string Question) : ChatCommand;

    /// <summary>
    /// The newest measures. <see cref="Jurisdiction"/> and <see cref="Material"/> may list several, comma-separated;
    /// <see cref="Filters"/> are free words (a jurisdiction, a material) resolved against the index.
    /// </summary>
    /// <param name="Since">"2025-06-01", "2025-06", "2025", or relative to today: "90d", "6m", "1y".</param>
    /// <param name="Limit">How many; <see cref="Measures.LatestQuery.DefaultLimit"/> when null.</param>
    public sealed record Latest(string? Jurisdiction = null, string? Material = null, string? Filters = null, string? Since = null, int? Limit = null) : ChatCommand;

    /// <summary>The measures about a material or jurisdiction in date order, with suspensions and what is coming up.</summary>
    public sealed record Timeline(string Subject) : ChatCommand;

    /// <summary>A cited table comparing jurisdictions or measures (ids or titles), optionally about one material.</summary>
    public sealed record Compare(IReadOnlyList<string> Subjects, string? Material = null) : ChatCommand
    {
        public bool Equals(Compare? other) =>
            other is not null && Subjects.SequenceEqual(other.Subjects, StringComparer.Ordinal) && Material == other.Material;

        public override int GetHashCode() => HashCode.Combine(string.Join('\u001f', Subjects), Material);
    }

    /// <summary>Effective dates and deadlines in the <see cref="Days"/> days from <see cref="From"/> (today when null).</summary>
    public sealed record Upcoming(int Days = Upcoming.DefaultDays, DateOnly? From = null) : ChatCommand
    {
        public const int DefaultDays = 30, MaxDays = 3660;
    }

    /// <summary>What is indexed, or the documents best matching <see cref="Query"/>.</summary>
    public sealed record Sources(string? Query = null) : ChatCommand;

    public sealed record Help : ChatCommand;

    /// <summary>Looked like a command (<c>/name</c> or <c>!name</c>) but is not one.</summary>
    public sealed record Unknown(string Name) : ChatCommand;

    /// <summary>A known command with arguments it cannot use; <see cref="Problem"/> says what and shows the usage.</summary>
    public sealed record Invalid(string Name, string Problem) : ChatCommand;
}
