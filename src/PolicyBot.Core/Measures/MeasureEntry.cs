namespace PolicyBot.Core.Measures;

/// <summary>A measure in a list, with a one-line summary (the first sentence of its first passage) that <see cref="Evidence"/> cites.</summary>
public sealed record MeasureEntry(Measure Measure, string Summary, Evidence Evidence);
