namespace PolicyBot.Core.Measures;

/// <summary>Where a statement comes from: one sentence of one passage, quoted as indexed.</summary>
public sealed record Evidence(string DocumentId, string PassageId, string Quote);
