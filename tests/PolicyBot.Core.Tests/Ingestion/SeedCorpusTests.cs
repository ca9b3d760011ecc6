using PolicyBot.Tests;
using PolicyBot.Core.Ingestion.Chunking;
using PolicyBot.Core.Ingestion.Readers;
using PolicyBot.Core.Tests.Support;

namespace PolicyBot.Core.Tests.Ingestion;

public sealed class SeedCorpusTests
{
    [SharedFact]
    public async Task SeedArticle_ReadAsPlainText_HasTitleAndSeveralPassages()
    {
        await using var stream = File.OpenRead(RepositoryPaths.SharedFile("corpus", "seed-article.txt"));

        var document = await new PlainTextDocumentReader().ReadAsync(stream, "seed-article.txt", CancellationToken.None);
        var passages = new PassageChunker(text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length).Chunk(document);

        Assert.Equal("seed-article", document.Id);
        Assert.Equal("Global Policy Shifts Reinforce the Need for Supply Chain Optionality", document.Title);
        Assert.DoesNotContain(document.Title, document.FullText);
        Assert.InRange(passages.Count, 3, 10);
        Assert.Contains(passages, p => p.Text.Contains("On October 9, 2025, China announced new export control measures", StringComparison.Ordinal));
        Assert.All(passages, p => Assert.False(string.IsNullOrWhiteSpace(p.Text)));
    }
}
