using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Core.Retrieval;

public enum FusionMethod { ReciprocalRank, WeightedScore }

public sealed class RetrievalOptions
{
    public const string Section = "PolicyBot:Retrieval";

    /// <summary>Passages handed to the answer composer.</summary>
    [Range(1, 50)] public int TopK { get; set; } = 8;

    /// <summary>Candidates taken from each of the dense and keyword searches before fusion.</summary>
    [Range(5, 1000)] public int CandidatePool { get; set; } = 50;

    /// <summary>At most this many passages from one document in the final list, so several measures can be seen.</summary>
    [Range(1, 20)] public int MaxPassagesPerDocument { get; set; } = 3;

    public FusionMethod Fusion { get; set; } = FusionMethod.WeightedScore;

    /// <summary>RRF constant k (only for <see cref="FusionMethod.ReciprocalRank"/>).</summary>
    [Range(1, 1000)] public int RrfK { get; set; } = 60;

    /// <summary>Share of the dense score in weighted fusion; the keyword score gets the rest.</summary>
    [Range(0.0, 1.0)] public double DenseWeight { get; set; } = 0.6;

    /// <summary>Below this best dense similarity the documents are taken not to cover the question.</summary>
    [Range(0.0, 1.0)] public double MinDenseScore { get; set; } = 0.30;

    /// <summary>Below this best dense similarity the question's words must also be found in the passages.</summary>
    [Range(0.0, 1.0)] public double ConfidentDenseScore { get; set; } = 0.60;

    /// <summary>Share of the question's content words that must occur in the retrieved passages when the dense score is not confident.</summary>
    [Range(0.0, 1.0)] public double MinTermCoverage { get; set; } = 0.78;
}
