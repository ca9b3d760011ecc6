namespace PolicyBot.Core.Ingestion;

public sealed record DocumentFile(string FullPath, string RelativePath);

/// <summary>The readable files under the given paths (files or folders), in a stable order.</summary>
public sealed class DocumentFiles
{
    private readonly List<string> _roots;

    private DocumentFiles(List<string> roots, List<DocumentFile> files, List<IngestionFailure> problems)
    {
        _roots = roots;
        Files = files;
        Problems = problems;
    }

    public IReadOnlyList<DocumentFile> Files { get; }

    /// <summary>Paths that do not exist; reported, not fatal.</summary>
    public IReadOnlyList<IngestionFailure> Problems { get; }

    public static DocumentFiles Enumerate(IReadOnlyList<string> paths, DocumentReaderRegistry readers)
    {
        var roots = new List<string>();
        var files = new List<DocumentFile>();
        var problems = new List<IngestionFailure>();
        foreach (var path in paths.Select(Path.GetFullPath))
        {
            if (File.Exists(path))
            {
                roots.Add(path);
                if (readers.GetReader(path) is null) problems.Add(new IngestionFailure(path, "unsupported file type (use .md, .txt, .html or .pdf)"));
                else files.Add(new DocumentFile(path, Path.GetFileName(path)));
            }
            else if (Directory.Exists(path))
            {
                roots.Add(Path.TrimEndingDirectorySeparator(path) + Path.DirectorySeparatorChar);
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => readers.GetReader(f) is not null && !IsFolderReadme(f) && !IsHidden(f, path))
                    .Order(StringComparer.Ordinal)
                    .Select(f => new DocumentFile(f, Path.GetRelativePath(path, f).Replace('\\', '/'))));
            }
            else problems.Add(new IngestionFailure(path, "no such file or folder"));
        }
        return new DocumentFiles(roots, files.DistinctBy(f => f.FullPath).ToList(), problems);
    }

    public bool IsUnderRoots(string fullPath) =>
        _roots.Any(r => r.EndsWith(Path.DirectorySeparatorChar) ? fullPath.StartsWith(r, StringComparison.Ordinal) : fullPath == r);

    // A folder's README.md explains the folder; it is not a policy document.
    private static bool IsFolderReadme(string file) =>
        string.Equals(Path.GetFileName(file), "README.md", StringComparison.OrdinalIgnoreCase);

    private static bool IsHidden(string file, string root) =>
        Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'));
}
