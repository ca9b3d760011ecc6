using PolicyBot.Core.Embedded;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Qdrant.Migration;

/// <param name="SourceDocuments">Documents in the embedded index.</param>
/// <param name="Copied">Documents written to the target.</param>
/// <param name="Unchanged">Documents the target already held unchanged.</param>
/// <param name="PassagesCopied">Passages (with their stored vectors) written to the target.</param>
/// <param name="Pruned">Target documents deleted because the source lacks them (only with prune).</param>
/// <param name="Target">The target's statistics afterwards.</param>
public sealed record MigrationReport(StoredEmbeddingModel Model, int SourceDocuments, int Copied, int Unchanged, int PassagesCopied, int Pruned, IndexStats Target);
