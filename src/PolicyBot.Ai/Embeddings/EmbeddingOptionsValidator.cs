using Microsoft.Extensions.Options;

namespace PolicyBot.Ai.Embeddings;

/// <summary>Checks the DataAnnotations ranges at compile-time-generated speed.</summary>
[OptionsValidator]
internal sealed partial class EmbeddingOptionsValidator : IValidateOptions<EmbeddingOptions>;
