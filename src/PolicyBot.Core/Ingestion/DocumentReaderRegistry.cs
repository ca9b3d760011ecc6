using PolicyBot.Core.Ingestion.Readers;

namespace PolicyBot.Core.Ingestion;

/// <summary>Picks the <see cref="IDocumentReader"/> for a file by its extension (case-insensitive).</summary>
public sealed class DocumentReaderRegistry
{
    private readonly Dictionary<string, IDocumentReader> _byExtension = new(StringComparer.OrdinalIgnoreCase);

    /// <exception cref="ArgumentException">Two readers claim the same extension.</exception>
    public DocumentReaderRegistry(IEnumerable<IDocumentReader> readers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        foreach (var reader in readers)
        {
            foreach (var extension in reader.Extensions)
            {
                if (!_byExtension.TryAdd(extension, reader))
                {
                    throw new ArgumentException(
                        $"Both {_byExtension[extension].GetType().Name} and {reader.GetType().Name} read '{extension}' files.", nameof(readers));
                }
            }
        }
    }

    /// <summary>Markdown, plain text, HTML and PDF.</summary>
    public static DocumentReaderRegistry CreateDefault() => new(
    [
        new MarkdownDocumentReader(),
        new PlainTextDocumentReader(),
        new HtmlDocumentReader(),
        new PdfDocumentReader(),
    ]);

    /// <summary>Supported extensions, lower case with the dot, sorted.</summary>
    public IReadOnlyList<string> Extensions => _byExtension.Keys.Select(e => e.ToLowerInvariant()).Order(StringComparer.Ordinal).ToArray();

    public bool IsSupported(string path) => GetReader(path) is not null;

    /// <summary>The reader for <paramref name="path"/>'s extension, or null when no reader handles it.</summary>
    public IDocumentReader? GetReader(string path)
    {
        var extension = Path.GetExtension(path);
        return string.IsNullOrEmpty(extension) ? null : _byExtension.GetValueOrDefault(extension);
    }
}
