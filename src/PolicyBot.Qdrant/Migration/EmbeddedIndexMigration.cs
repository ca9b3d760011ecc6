using PolicyBot.Core.Embedded;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Qdrant.Migration;

/// <summary>
/// Copies the embedded SQLite index into another <see cref="IPassageIndex"/> (Qdrant) as stored: documents, passages and
/// their vectors, so nothing is embedded again. The target is initialised with the model recorded in the source file, so a
/// target built with another model fails with <see cref="IndexMismatchException"/> before anything is written.
/// </summary>
/// <remarks>
/// Re-running it is cheap and safe: documents the target already holds with the same content hash and ingestion time are
/// skipped, others are replaced whole. With <c>prune</c>, target documents absent from the source are deleted.
/// </remarks>
public static class EmbeddedIndexMigration
{
    public static async Task<MigrationReport> CopyAsync(SqlitePassageIndex source, IPassageIndex target, bool prune,
        IProgress<MigrationProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var model = await source.ReadStoredModelAsync(cancellationToken)
            ?? throw new InvalidDataException($"The embedded index '{source.FilePath}' does not exist or is empty: nothing to migrate.");
        await target.InitializeAsync(model.ModelId, model.Dimensions, cancellationToken);

        var existing = (await target.ListDocumentsAsync(cancellationToken)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int copied = 0, unchanged = 0, passages = 0;
        await foreach (var document in source.ExportAsync(cancellationToken))
        {
            var record = document.Document;
            seen.Add(record.Id);
            if (existing.TryGetValue(record.Id, out var current)
                && string.Equals(current.ContentHash, record.ContentHash, StringComparison.Ordinal)
                && current.IngestedAt == record.IngestedAt
                && current.PassageCount == record.PassageCount)
            {
                unchanged++;
            }
            else
            {
                await target.UpsertDocumentAsync(record, document.Passages, document.Embeddings, cancellationToken);
                copied++;
                passages += document.Passages.Count;
            }
            progress?.Report(new MigrationProgress(seen.Count, record.Id));
        }

        var pruned = 0;
        if (prune)
        {
            foreach (var id in existing.Keys.Where(id => !seen.Contains(id)))
            {
                await target.DeleteDocumentAsync(id, cancellationToken);
                pruned++;
            }
        }
        var stats = await target.GetStatsAsync(cancellationToken);
        return new MigrationReport(model, seen.Count, copied, unchanged, passages, pruned, stats);
    }
}
