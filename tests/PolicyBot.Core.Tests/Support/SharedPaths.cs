namespace PolicyBot.Core.Tests.Support;

/// <summary>
/// Locates the <c>shared</c> folder that CI checks out next to the repository (<c>../shared</c> from the repo root).
/// A user's clone does not have it; tests that need it use <see cref="SharedFactAttribute"/>.
/// </summary>
public static class SharedPaths
{
    private static readonly Lazy<string?> LazyRoot = new(FindRoot);

    /// <summary>The <c>shared</c> folder, or null when it is not present.</summary>
    public static string? Root => LazyRoot.Value;

    /// <summary>The <c>shared/corpus</c> folder, or null when it is not present.</summary>
    public static string? Corpus => Root is { } root && Directory.Exists(Path.Combine(root, "corpus")) ? Path.Combine(root, "corpus") : null;

    /// <summary>A file under <c>shared/corpus</c>; fails the test when the folder is missing (guard with <see cref="SharedFactAttribute"/>).</summary>
    public static string CorpusFile(string name) =>
        Path.Combine(Corpus ?? throw new InvalidOperationException("shared/corpus is not present."), name);

    // Walk up from the test binaries to the repository root (the folder with PolicyBot.sln), then look beside it.
    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "PolicyBot.sln"))) continue;
            var shared = dir.Parent is null ? null : Path.Combine(dir.Parent.FullName, "shared");
            return shared is not null && Directory.Exists(Path.Combine(shared, "corpus")) ? shared : null;
        }
        return null;
    }
}
