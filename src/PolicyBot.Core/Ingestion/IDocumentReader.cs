using PolicyBot.Core.Domain;

namespace PolicyBot.Core.Ingestion;

/// <summary>Turns one file format into a <see cref="SourceDocument"/>.</summary>
public interface IDocumentReader
{
    /// <summary>File extensions this reader handles, lower case with the dot (".md").</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>Reads a document. Throws <see cref="DocumentFormatException"/> when the content is broken.</summary>
    /// <param name="content">The raw file bytes.</param>
    /// <param name="sourcePath">Path relative to the ingested folder, forward slashes.</param>
    ValueTask<SourceDocument> ReadAsync(Stream content, string sourcePath, CancellationToken cancellationToken);
}

/// <summary>A file that cannot be read as its format claims; ingestion reports it by name and skips it.</summary>
public sealed class DocumentFormatException(string message, Exception? inner = null) : Exception(message, inner);
