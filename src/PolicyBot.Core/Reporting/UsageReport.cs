namespace PolicyBot.Core.Reporting;

/// <summary>What users asked since a date, how often the bot refused, how answers were rated, and where the documents fall short.</summary>
public sealed record UsageReport(
    DateTimeOffset? Since,
    int Questions,
    int Refused,
    double RefusalRate,
    int Helpful,
    int NotHelpful,
    double NotHelpfulRate,
    IReadOnlyList<PlatformUsage> Platforms,
    int GapQuestions,
    IReadOnlyList<QuestionCluster> Clusters);

public sealed record PlatformUsage(string Platform, int Questions, int Refused, int Helpful, int NotHelpful);

/// <summary>Unanswered or poorly rated questions about one topic.</summary>
/// <param name="Representative">The question closest to the group's centre.</param>
/// <param name="Size">Questions in the group, repeats included.</param>
/// <param name="Terms">The words the group's questions use most: the topic the documents may be missing.</param>
/// <param name="NearestDocuments">The indexed documents closest to the topic (the bot found them not enough to answer).</param>
public sealed record QuestionCluster(
    string Representative,
    int Size,
    int Refused,
    int NotHelpful,
    IReadOnlyList<string> Examples,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Terms,
    IReadOnlyList<NearestDocument> NearestDocuments);

public sealed record NearestDocument(string DocumentId, string Title, double Similarity);
