namespace PolicyBot.Teams.Connector;

/// <summary>At most <see cref="MaxOperations"/> operations in any <see cref="Length"/>-long period.</summary>
public sealed record RateWindow(TimeSpan Length, int MaxOperations);
