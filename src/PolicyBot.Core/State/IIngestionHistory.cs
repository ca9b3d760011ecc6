using PolicyBot.Core.Domain;

namespace PolicyBot.Core.State;

public enum DocumentChangeKind { Added, Updated, Removed }

/// <summary>One document change made by ingestion, with the metadata before and after.</summary>
public sealed record DocumentChange(string DocumentId, string Title, DocumentChangeKind Kind, DocumentMetadata? Before, DocumentMetadata? After, DateTimeOffset At);

/// <summary>What ingestion added, changed or removed, and when; briefings report the changes after a channel's last briefing.</summary>
public interface IIngestionHistory
{
    Task RecordAsync(IReadOnlyList<DocumentChange> changes, CancellationToken cancellationToken);
    Task<IReadOnlyList<DocumentChange>> ListSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
