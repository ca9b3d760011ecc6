using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Domain;
using PolicyBot.Core.Ingestion.Chunking;
using PolicyBot.Core.Measures;
using PolicyBot.Core.Retrieval;
using PolicyBot.Core.State;

namespace PolicyBot.Core.Ingestion;

/// <summary>
/// files ─► read (skip unchanged by content hash) ─► chunk ─► embed in batches across documents ─► upsert per document
///       ─► delete documents whose files are gone ─► record what was added, updated or removed (when an <see cref="IIngestionHistory"/> is given).
/// Each document is replaced in one transaction, so an interrupted run leaves every document either old or new, and the next run finishes the rest.
/// </summary>
public sealed class IngestionPipeline(
    IPassageIndex index,
    IEmbedder embedder,
    DocumentReaderRegistry readers,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    ILogger<IngestionPipeline> logger,
    IIngestionHistory? history = null)
{
    private readonly IngestionOptions _options = options.Value;
    private readonly IPassageIndex _index = index;
    private readonly IEmbedder _embedder = embedder;
    private readonly TimeProvider _time = time;
    private readonly ILogger _logger = logger;

    public async Task<IngestionReport> IngestAsync(IReadOnlyList<string> paths, IProgress<IngestionProgress>? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var files = DocumentFiles.Enumerate(paths, readers);
        var existing = (await _index.ListDocumentsAsync(cancellationToken)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var chunker = CreateChunker();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<IngestionFailure>();
        var batch = new EmbeddingBatch(this);
        int unchanged = 0, processed = 0;

        foreach (var file in files.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new IngestionProgress(processed, files.Files.Count, batch.Embedded, file.RelativePath));
            var document = await TryReadAsync(file, failures, cancellationToken);
            processed++;
            if (document is null) continue;
            if (!seen.Add(document.Id))
            {
                failures.Add(new IngestionFailure(file.FullPath, $"another file already uses the id '{document.Id}'"));
                _logger.DocumentSkipped(file.FullPath, "duplicate id");
                continue;
            }
            if (existing.TryGetValue(document.Id, out var old) && old.ContentHash == document.ContentHash && old.SourcePath == file.FullPath)
            {
                unchanged++;
                _logger.DocumentUnchanged(document.Id);
                continue;
            }
            await batch.AddAsync(document with { SourcePath = file.FullPath }, old, chunker, cancellationToken);
        }
        await batch.FlushAsync(cancellationToken);
        var (added, updated, embedded) = (batch.Added, batch.Updated, batch.Embedded);

        var removed = new List<DocumentChange>();
        foreach (var gone in existing.Values.Where(d => !seen.Contains(d.Id) && !IsWebPage(d.SourcePath) && (files.IsUnderRoots(d.SourcePath) || !File.Exists(d.SourcePath))))
        {
            await _index.DeleteDocumentAsync(gone.Id, cancellationToken);
            _logger.DocumentRemoved(gone.Id);
            removed.Add(new DocumentChange(gone.Id, gone.Title, DocumentChangeKind.Removed, gone.Metadata, null, _time.GetUtcNow()));
        }
        await RecordAsync(removed, cancellationToken);

        progress?.Report(new IngestionProgress(processed, files.Files.Count, embedded, null));
        var elapsed = Stopwatch.GetElapsedTime(started);
        _logger.IngestionFinished(added, updated, unchanged, removed.Count, failures.Count, embedded, elapsed.TotalSeconds);
        return new IngestionReport(added, updated, unchanged, removed.Count, embedded, failures.Concat(files.Problems).ToList(), elapsed);
    }

    private async Task<SourceDocument?> TryReadAsync(DocumentFile file, List<IngestionFailure> failures, CancellationToken cancellationToken)
    {
        try
        {
            var reader = readers.GetReader(file.FullPath)!;
            await using var stream = File.OpenRead(file.FullPath);
            var document = await reader.ReadAsync(stream, file.RelativePath, cancellationToken);
            if (document.Sections.All(s => string.IsNullOrWhiteSpace(s.Text)))
                throw new DocumentFormatException("the document has no text");
            return document;
        }
        catch (Exception ex) when (ex is DocumentFormatException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            failures.Add(new IngestionFailure(file.FullPath, ex.Message));
            _logger.DocumentSkipped(file.FullPath, ex.Message);
            return null;
        }
    }

    /// <summary>Ingests documents made in memory (e.g. a benchmark corpus); unchanged ones are skipped, nothing is removed.</summary>
    public async Task<IngestionReport> IngestDocumentsAsync(IReadOnlyList<SourceDocument> documents, IProgress<IngestionProgress>? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var existing = (await _index.ListDocumentsAsync(cancellationToken)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var chunker = CreateChunker();
        var batch = new EmbeddingBatch(this);
        var unchanged = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            if (i % 50 == 0) progress?.Report(new IngestionProgress(i, documents.Count, batch.Embedded, documents[i].SourcePath));
            var old = existing.GetValueOrDefault(documents[i].Id);
            if (old?.ContentHash == documents[i].ContentHash) { unchanged++; continue; }
            await batch.AddAsync(documents[i], old, chunker, cancellationToken);
        }
        await batch.FlushAsync(cancellationToken);
        progress?.Report(new IngestionProgress(documents.Count, documents.Count, batch.Embedded, null));
        return new IngestionReport(batch.Added, batch.Updated, unchanged, 0, batch.Embedded, [], Stopwatch.GetElapsedTime(started));
    }

    // Recorded as each batch is written, so changes made before an interruption are not lost from the history.
    private async Task RecordAsync(List<DocumentChange> changes, CancellationToken cancellationToken)
    {
        if (history is not null && changes.Count > 0) await history.RecordAsync(changes, cancellationToken);
    }

    // Pages ingested from feeds have their URL as source path; a data-folder run must not take them for deleted files.
    private static bool IsWebPage(string sourcePath) =>
        Uri.TryCreate(sourcePath, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private PassageChunker CreateChunker() =>
        new(_embedder.CountTokens, new ChunkingOptions { MaxTokens = _options.MaxPassageTokens, OverlapTokens = _options.OverlapTokens });

    /// <summary>Collects chunked documents until a batch's worth of passages, embeds them in one call, then upserts each document.</summary>
    private sealed class EmbeddingBatch(IngestionPipeline owner)
    {
        private readonly List<(DocumentRecord Record, IReadOnlyList<Passage> Passages, DocumentRecord? Old)> _pending = [];
        private int _pendingPassages;

        public int Added { get; private set; }
        public int Updated { get; private set; }
        public int Embedded { get; private set; }

        public async Task AddAsync(SourceDocument document, DocumentRecord? old, PassageChunker chunker, CancellationToken cancellationToken)
        {
            var passages = chunker.Chunk(document);
            // Threshold figures go into the metadata, so the ingestion history keeps them for the next version's before → after.
            var metadata = document.Metadata with { Thresholds = ThresholdFacts.Extract(document.Sections.Select(s => s.Text)) };
            var record = new DocumentRecord(document.Id, document.Title, document.SourcePath, metadata, document.ContentHash,
                owner._time.GetUtcNow(), passages.Count);
            _pending.Add((record, passages, old));
            _pendingPassages += passages.Count;
            if (_pendingPassages >= owner._options.EmbeddingBatchSize) await FlushAsync(cancellationToken);
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_pending.Count == 0) return;
            var texts = _pending.SelectMany(p => p.Passages.Select(x => EmbeddingText.For(p.Record.Title, x))).ToList();
            var vectors = await owner._embedder.EmbedAsync(texts, cancellationToken);
            var offset = 0;
            var changes = new List<DocumentChange>();
            foreach (var (record, passages, old) in _pending)
            {
                await owner._index.UpsertDocumentAsync(record, passages, vectors.AsSpan(offset, passages.Count).ToArray(), cancellationToken);
                offset += passages.Count;
                owner._logger.DocumentIngested(record.Id, passages.Count);
                if (old is null) Added++; else Updated++;
                changes.Add(new DocumentChange(record.Id, record.Title, old is null ? DocumentChangeKind.Added : DocumentChangeKind.Updated,
                    old?.Metadata, record.Metadata, record.IngestedAt));
            }
            Embedded += texts.Count;
            _pending.Clear();
            _pendingPassages = 0;
            await owner.RecordAsync(changes, cancellationToken);
        }
    }
}
