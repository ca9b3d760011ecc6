using System.Text;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Ingestion;

namespace PolicyBot.Core.Tests.Support;

internal static class ReaderExtensions
{
    public static ValueTask<SourceDocument> ReadTextAsync(this IDocumentReader reader, string text, string sourcePath) =>
        reader.ReadBytesAsync(Encoding.UTF8.GetBytes(text), sourcePath);

    public static async ValueTask<SourceDocument> ReadBytesAsync(this IDocumentReader reader, byte[] bytes, string sourcePath)
    {
        using var stream = new MemoryStream(bytes);
        return await reader.ReadAsync(stream, sourcePath, CancellationToken.None);
    }
}
