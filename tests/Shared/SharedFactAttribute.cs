using Xunit;

namespace PolicyBot.Tests;

/// <summary>A fact that needs ../shared (fixtures, corpus, benchmarks); skipped with the reason when the folder is absent.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (RepositoryPaths.Shared is null) Skip = RepositoryPaths.SharedMissingReason;
    }
}
