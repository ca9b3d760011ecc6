using PolicyBot.Core.Ingestion.Chunking;
using PolicyBot.Host.Bench;
using PolicyBot.Host.Cli;

namespace PolicyBot.Host.Tests.Cli;

/// <summary>The synthetic benchmark corpus and `bench --scale` argument handling (the benchmark itself is never timed in tests).</summary>
public sealed class BenchScaleTests
{
    [Fact]
    public void Corpus_IsTheSameOnEveryRun_AndEachSectionIsOnePassage()
    {
        var first = SyntheticCorpus.Generate(1_000);
        var again = SyntheticCorpus.Generate(1_000);

        Assert.Equal(200, first.Count);
        Assert.Equal(first.Select(d => d.FullText), again.Select(d => d.FullText));
        Assert.Equal(first.Count, first.Select(d => d.Id).Distinct().Count());
        var chunker = new PassageChunker();
        Assert.Equal(1_000, first.Sum(d => chunker.Chunk(d).Count));
        var sample = first[7];
        Assert.Matches(@"HS code \d{4}\.\d{2}", sample.FullText);
        Assert.NotNull(sample.Metadata.Jurisdiction);
        Assert.NotNull(sample.Metadata.EffectiveDate);
    }

    [Fact]
    public void Questions_AreDistinct_AndIncludeSomeTheCorpusCannotAnswer()
    {
        var questions = SyntheticCorpus.Questions(2_000);

        Assert.Equal(2_000, questions.Count);
        Assert.Equal(questions.Count, questions.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(questions, q => q.StartsWith("What is the weather in", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1k", 1_000)]
    [InlineData("10K", 10_000)]
    [InlineData("100k", 100_000)]
    [InlineData("2500", 2_500)]
    [InlineData("1m", 1_000_000)]
    public void ScaleText_ReadsSizesAsPeopleWriteThem(string text, int expected)
    {
        Assert.True(ScaleText.TryParse(text, out var size));
        Assert.Equal(expected, size);
        Assert.Equal(text.ToLowerInvariant(), ScaleText.Format(size));
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("1k,,x")]
    [InlineData("-5")]
    [InlineData("99m")]
    public async Task Bench_BadScale_GivesAClearErrorNotAStackTrace(string scale)
    {
        using var cli = new CliWorkspace();

        var result = await cli.RunAsync("bench", "--scale", scale);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("Error: sizes look like", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
