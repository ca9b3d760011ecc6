namespace PolicyBot.Core.Briefings.Commands;

/// <summary>A parsed <c>brief …</c> command, whatever the platform (chat text, a slash command's options).</summary>
public abstract record BriefCommand
{
    /// <summary><c>brief now [--jurisdiction X]... [--material Y]... [--since DATE]</c>.</summary>
    public sealed record Now(IReadOnlyList<string> Jurisdictions, IReadOnlyList<string> Materials, DateOnly? Since = null) : BriefCommand;

    /// <summary><c>brief subscribe &lt;schedule&gt; [--jurisdiction X]... [--material Y]... [--skip-empty]</c>; <see cref="Schedule"/> is the raw text.</summary>
    public sealed record Subscribe(string Schedule, IReadOnlyList<string> Jurisdictions, IReadOnlyList<string> Materials, bool SkipEmpty) : BriefCommand;

    public sealed record List : BriefCommand;

    public sealed record Unsubscribe(string Id) : BriefCommand;

    public sealed record Help : BriefCommand;

    /// <summary>Looked like a brief command but could not be read; <see cref="Error"/> says why.</summary>
    public sealed record Invalid(string Error) : BriefCommand;
}
