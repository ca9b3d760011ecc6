namespace PolicyBot.Core.Ingestion;

/// <summary>Something besides the data folder that each ingestion run also brings up to date (e.g. RSS/Atom feeds).</summary>
public interface IIngestionSource
{
    string Name { get; }

    Task IngestAsync(CancellationToken cancellationToken);
}
