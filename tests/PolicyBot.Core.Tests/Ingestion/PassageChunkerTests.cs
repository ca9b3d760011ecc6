using PolicyBot.Core.Domain;
using PolicyBot.Core.Ingestion.Chunking;

namespace PolicyBot.Core.Tests.Ingestion;

public sealed class PassageChunkerTests
{
    private static readonly Func<string, int> Words = text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [Fact]
    public void Chunk_ManySentences_EveryPassageWithinBudget()
    {
        var document = Document(new DocumentSection("Scope", Sentences(40, wordsEach: 7)));
        var chunker = new PassageChunker(Words, new ChunkingOptions { MaxTokens = 30, OverlapTokens = 8 });

        var passages = chunker.Chunk(document);

        Assert.True(passages.Count > 5);
        Assert.All(passages, p => Assert.InRange(Words(p.Text), 1, 30));
    }

    [Fact]
    public void Chunk_ConsecutivePassagesInSection_RepeatLastSentence()
    {
        var document = Document(new DocumentSection(null, Sentences(10, wordsEach: 5)));
        var chunker = new PassageChunker(Words, new ChunkingOptions { MaxTokens = 12, OverlapTokens = 5 });

        var passages = chunker.Chunk(document);

        Assert.Equal(["S0 w1 w2 w3 w4. S1 w1 w2 w3 w4.", "S1 w1 w2 w3 w4. S2 w1 w2 w3 w4."], passages.Take(2).Select(p => p.Text));
        Assert.Equal("S8 w1 w2 w3 w4. S9 w1 w2 w3 w4.", passages[^1].Text);
        Assert.Equal(9, passages.Count);
    }

    [Fact]
    public void Chunk_SentenceLongerThanOverlap_IsNotRepeated()
    {
        var document = Document(new DocumentSection(null, Sentences(4, wordsEach: 6)));
        var chunker = new PassageChunker(Words, new ChunkingOptions { MaxTokens = 12, OverlapTokens = 5 });

        var passages = chunker.Chunk(document);

        Assert.Equal(["S0 w1 w2 w3 w4 w5. S1 w1 w2 w3 w4 w5.", "S2 w1 w2 w3 w4 w5. S3 w1 w2 w3 w4 w5."], passages.Select(p => p.Text));
    }

    [Fact]
    public void Chunk_Sections_NeverShareAPassageAndKeepHeadings()
    {
        var document = Document(
            new DocumentSection(null, "Intro sentence."),
            new DocumentSection("Article 1", "First rule. Second rule."),
            new DocumentSection("Article 2", "Third rule."));
        var chunker = new PassageChunker(Words, new ChunkingOptions { MaxTokens = 200, OverlapTokens = 30 });

        var passages = chunker.Chunk(document);

        Assert.Equal([null, "Article 1", "Article 2"], passages.Select(p => p.Heading));
        Assert.Equal(["Intro sentence.", "First rule. Second rule.", "Third rule."], passages.Select(p => p.Text));
    }

    [Fact]
    public void Chunk_SameDocument_GivesSameStableIds()
    {
        var document = Document(new DocumentSection("A", Sentences(20, wordsEach: 6)), new DocumentSection("B", Sentences(5, wordsEach: 6)));
        var chunker = new PassageChunker(Words, new ChunkingOptions { MaxTokens = 25 });

        var first = chunker.Chunk(document);
        var second = chunker.Chunk(document);

        Assert.Equal(first, second);
        Assert.Equal(first.Select((_, i) => $"doc-1#{i:D3}"), first.Select(p => p.Id));
        Assert.Equal(Enumerable.Range(0, first.Count), first.Select(p => p.Ordinal));
        Assert.All(first, p => Assert.Equal("doc-1", p.DocumentId));
    }

    [Fact]
    public void Chunk_SentenceOverBudget_SplitsAtWordBoundaries()
    {
        var longSentence = string.Join(' ', Enumerable.Range(0, 25).Select(i => $"word{i}")) + ".";
        var document = Document(new DocumentSection(null, "Short one. " + longSentence + " Short two."));
        var chunker = new PassageChunker(Words, new ChunkingOptions { MaxTokens = 10, OverlapTokens = 3 });

        var passages = chunker.Chunk(document);

        Assert.All(passages, p => Assert.InRange(Words(p.Text), 1, 10));
        var words = string.Join(' ', passages.Select(p => p.Text)).Split(' ');
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"word{i}"), words.Where(w => w.StartsWith("word", StringComparison.Ordinal)).Select(w => w.TrimEnd('.')));
    }

    [Fact]
    public void Chunk_WordOverBudgetForCharacterCounter_IsSliced()
    {
        var document = Document(new DocumentSection(null, new string('x', 25)));
        var chunker = new PassageChunker(text => text.Length, new ChunkingOptions { MaxTokens = 10, OverlapTokens = 0 });

        var passages = chunker.Chunk(document);

        Assert.Equal(["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"], passages.Select(p => p.Text));
    }

    [Fact]
    public void Chunk_EmptyOrWhitespaceSections_GiveNoPassages()
    {
        var document = Document(new DocumentSection("Empty", "  \n\n "), new DocumentSection("Full", "Text."));

        var passages = new PassageChunker(Words).Chunk(document);

        Assert.Equal("Full", Assert.Single(passages).Heading);
    }

    [Fact]
    public void Constructor_DefaultCounter_UsesApproximateTokens()
    {
        var document = Document(new DocumentSection(null, Sentences(200, wordsEach: 8)));

        var passages = new PassageChunker().Chunk(document);

        Assert.All(passages, p => Assert.InRange(ApproximateTokenCounter.Count(p.Text), 1, 200));
        Assert.True(passages.Count > 1);
    }

    [Fact]
    public void Constructor_InvalidBudget_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PassageChunker(Words, new ChunkingOptions { MaxTokens = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PassageChunker(Words, new ChunkingOptions { OverlapTokens = -1 }));
    }

    private static SourceDocument Document(params DocumentSection[] sections) =>
        new("doc-1", "Doc", "doc-1.md", DocumentMetadata.Empty, sections, "hash");

    // "S0 w1 w2 w3. S1 w1 w2 w3. ..." — wordsEach words per sentence.
    private static string Sentences(int count, int wordsEach) =>
        string.Join(' ', Enumerable.Range(0, count).Select(i => $"S{i} {string.Join(' ', Enumerable.Range(1, wordsEach - 1).Select(w => $"w{w}"))}."));
}
