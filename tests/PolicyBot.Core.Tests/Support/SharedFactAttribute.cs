namespace PolicyBot.Core.Tests.Support;

/// <summary>A fact that needs <c>../shared/corpus</c>; it is skipped, with the reason, where that folder is absent.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public const string MissingReason = "../shared is not present (it ships with CI, not with a user's clone)";

    public SharedFactAttribute()
    {
        if (SharedPaths.Corpus is null) Skip = MissingReason;
    }
}
