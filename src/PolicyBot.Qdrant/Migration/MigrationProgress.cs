namespace PolicyBot.Qdrant.Migration;

/// <param name="DocumentsRead">Source documents handled so far.</param>
public sealed record MigrationProgress(int DocumentsRead, string DocumentId);
