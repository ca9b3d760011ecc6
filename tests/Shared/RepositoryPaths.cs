namespace PolicyBot.Tests;

/// <summary>Finds the repository root (the folder holding PolicyBot.sln) and the sibling ../shared folder that CI provides.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared next to the repository, or null in a user's clone that lacks it.</summary>
    public static string? Shared
    {
        get
        {
            var candidate = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(Path.Combine(candidate, "corpus")) ? candidate : null;
        }
    }

    public const string SharedMissingReason = "../shared is not present (it ships with CI, not with a user's clone)";

    public static string SharedFile(params string[] parts) =>
        Path.Combine([Shared ?? throw new InvalidOperationException(SharedMissingReason), .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PolicyBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("PolicyBot.sln not found above " + AppContext.BaseDirectory);
    }
}
