using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Conversations;
using PolicyBot.Core.Measures;
using PolicyBot.Core.Tests.Fakes;
using PolicyBot.Tests;

namespace PolicyBot.Core.Tests.Measures;

/// <summary>The real data/policies corpus, ingested once with the hashing embedder, shared by the register and command tests.</summary>
public sealed class PolicyCorpusFixture : IAsyncLifetime
{
    public IndexedCorpus Corpus { get; private set; } = null!;

    public static string PoliciesPath => Path.Combine(RepositoryPaths.Root, "data", "policies");

    public async Task InitializeAsync()
    {
        Corpus = await IndexedCorpus.CreateAsync();
        foreach (var file in Directory.EnumerateFiles(PoliciesPath, "*.md"))
            File.Copy(file, Path.Combine(Corpus.DocsPath, Path.GetFileName(file)));
        var report = await Corpus.IngestAsync();
        if (report.Failures.Count > 0) throw new InvalidOperationException(string.Join("; ", report.Failures));
    }

    public async Task DisposeAsync() => await Corpus.DisposeAsync();

    public MeasureRegister Register(DateOnly today) =>
        new(Corpus.Index, new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero)));

    public MeasureReplies Replies(DateOnly today) => new(Register(today));
}

[CollectionDefinition(Name)]
public sealed class PolicyCorpusCollection : ICollectionFixture<PolicyCorpusFixture>
{
    public const string Name = "policy corpus";
}
