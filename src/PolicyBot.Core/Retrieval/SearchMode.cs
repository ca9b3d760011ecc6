namespace PolicyBot.Core.Retrieval;

public enum SearchMode { Hybrid, Dense, Keyword }
