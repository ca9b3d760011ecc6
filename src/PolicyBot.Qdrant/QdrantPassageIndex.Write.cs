using System.Diagnostics;
using PolicyBot.Core.Domain;

namespace PolicyBot.Qdrant;

public sealed partial class QdrantPassageIndex
{
    public async Task UpsertDocumentAsync(DocumentRecord document, IReadOnlyList<Passage> passages, IReadOnlyList<float[]> embeddings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(document.Metadata);
        ValidateUpsert(document, passages, embeddings, Model.Dimensions);

        var started = Stopwatch.GetTimestamp();
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var generation = NextGeneration();
            try
            {
                foreach (var batch in _requests.UpsertPassages(document, passages, embeddings, generation, _options.UpsertBatchSize))
                {
                    await _client.Points.UpsertAsync(batch, Call(cancellationToken));
                }
                // The commit point: from here on readers take the new generation.
                await _client.Points.UpsertAsync(_requests.UpsertDocument(document, generation, passages.Count), Call(cancellationToken));
            }
            catch (Exception ex)
            {
                _logger.UpsertFailed(ex, document.Id);
                // Readers ignore this generation anyway; removing it keeps the collection tidy. Best effort.
                try
                {
                    await _client.Points.DeleteAsync(_requests.DeletePassageGeneration(document.Id, generation), Call(CancellationToken.None));
                }
                catch (Exception cleanup) when (cleanup is not OperationCanceledException)
                {
                    _logger.UpsertFailed(cleanup, document.Id);
                }
                throw;
            }
            await _client.Points.DeleteAsync(_requests.DeleteOlderPassages(document.Id, generation), Call(cancellationToken));
            _logger.DocumentUpserted(document.Id, passages.Count, generation, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task DeleteDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        _ = Model;
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            // Document point first: without it, searches drop the passages even before they are deleted.
            await _client.Points.DeleteAsync(_requests.DeleteDocumentPoint(documentId), Call(cancellationToken));
            await _client.Points.DeleteAsync(_requests.DeleteAllPassages(documentId), Call(cancellationToken));
        }
        finally
        {
            _writeGate.Release();
        }
        _logger.DocumentDeleted(documentId);
    }

    private static void ValidateUpsert(DocumentRecord document, IReadOnlyList<Passage> passages, IReadOnlyList<float[]> embeddings, int dimensions)
    {
        if (passages.Count != embeddings.Count)
        {
            throw new ArgumentException($"{passages.Count} passages but {embeddings.Count} embeddings for document '{document.Id}'.", nameof(embeddings));
        }
        for (var i = 0; i < passages.Count; i++)
        {
            if (!string.Equals(passages[i].DocumentId, document.Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Passage '{passages[i].Id}' belongs to '{passages[i].DocumentId}', not '{document.Id}'.", nameof(passages));
            }
            if (embeddings[i] is null || embeddings[i].Length != dimensions)
            {
                throw new ArgumentException($"Embedding {i} of document '{document.Id}' has {embeddings[i]?.Length ?? 0} dimensions; the index expects {dimensions}.", nameof(embeddings));
            }
        }
    }
}
