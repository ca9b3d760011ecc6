using Microsoft.Extensions.Options;
using PolicyBot.Core.Embedded;

namespace PolicyBot.Core.Tests.Embedded;

/// <summary>A SQLite index path in a fresh temp folder; disposing deletes the folder (dispose the indexes first).</summary>
public sealed class TempIndexFile : IDisposable
{
    public TempIndexFile(string fileName = "index.db")
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "policybot-tests", Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Directory, "nested", fileName);
    }

    public string Directory { get; }
    public string Path { get; }

    public SqlitePassageIndex CreateIndex() => new(Options.Create(new EmbeddedIndexOptions { Path = Path }));

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }
}
