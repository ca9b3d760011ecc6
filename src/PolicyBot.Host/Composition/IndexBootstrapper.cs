using Microsoft.Extensions.Options;
using PolicyBot.Core.Embedded;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Host.Composition;

/// <summary>Opens the index for the configured embedder, and on first use ingests the data folder.</summary>
public sealed class IndexBootstrapper(
    IPassageIndex index, IEmbedder embedder, IngestionPipeline ingestion, IOptions<IngestionOptions> ingestionOptions, IOptions<EmbeddedIndexOptions> indexOptions)
{
    private bool _ready;

    public string DataPath => Path.GetFullPath(ingestionOptions.Value.DataPath);

    public string IndexPath => Path.GetFullPath(indexOptions.Value.Path);

    /// <summary>Empties the index for --rebuild: drops the Qdrant collection, or deletes the embedded SQLite file.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        if (index is PolicyBot.Qdrant.QdrantPassageIndex qdrant)
        {
            await qdrant.DeleteCollectionAsync(cancellationToken);
            return;
        }
        DeleteIndexFiles();
    }

    /// <summary>Deletes the embedded index file so the next open starts empty (for --rebuild or after a model change).</summary>
    public void DeleteIndexFiles()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(IndexPath + suffix)) File.Delete(IndexPath + suffix);
    }

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (_ready) return;
        await index.InitializeAsync(embedder.ModelId, embedder.Dimensions, cancellationToken);
        _ready = true;
    }

    /// <summary>
    /// Opens the index; a damaged embedded file is moved aside as <c>&lt;name&gt;.corrupt-&lt;UTC timestamp&gt;</c> (kept for
    /// inspection) and a fresh one is created, which <see cref="EnsureIngestedAsync"/> then fills from the data folder.
    /// </summary>
    /// <returns>Where the damaged file was moved, or null when the index opened normally.</returns>
    public async Task<string?> OpenOrSetAsideCorruptAsync(CancellationToken cancellationToken)
    {
        try
        {
            await OpenAsync(cancellationToken);
            return null;
        }
        catch (IndexCorruptException ex) when (index is SqlitePassageIndex)
        {
            var aside = $"{ex.FilePath}.corrupt-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}";
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                if (File.Exists(ex.FilePath + suffix)) File.Move(ex.FilePath + suffix, aside + suffix, overwrite: true);
            await OpenAsync(cancellationToken);
            return aside;
        }
    }

    /// <returns>The ingestion report when the index was empty and the data folder was ingested; otherwise null.</returns>
    public async Task<IngestionReport?> EnsureIngestedAsync(IProgress<IngestionProgress>? progress, TextWriter status, CancellationToken cancellationToken)
    {
        await OpenAsync(cancellationToken);
        var stats = await index.GetStatsAsync(cancellationToken);
        if (stats.DocumentCount > 0) return null;
        if (!Directory.Exists(DataPath))
            throw new DirectoryNotFoundException($"The index is empty and the data folder '{DataPath}' does not exist (set PolicyBot:Ingestion:DataPath).");
        await status.WriteLineAsync($"First run: ingesting {DataPath} into {IndexPath} ...");
        return await ingestion.IngestAsync([DataPath], progress, cancellationToken);
    }
}
