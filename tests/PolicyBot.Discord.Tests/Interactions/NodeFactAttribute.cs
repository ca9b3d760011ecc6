using PolicyBot.Tests;

namespace PolicyBot.Discord.Tests.Interactions;

/// <summary>A fact that needs ../shared and Node.js (<c>node</c> on PATH); skipped with the reason otherwise.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (RepositoryPaths.Shared is null) Skip = RepositoryPaths.SharedMissingReason;
        else if (NodePath is null) Skip = "node (Node.js) is not on PATH; it is needed to sign requests with node:crypto";
    }

    public static string? NodePath { get; } = Find();

    private static string? Find()
    {
        string[] names = OperatingSystem.IsWindows() ? ["node.exe"] : ["node"];
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }
}
