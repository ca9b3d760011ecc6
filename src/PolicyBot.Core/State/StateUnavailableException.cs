namespace PolicyBot.Core.State;

/// <summary>
/// The shared state store (e.g. PostgreSQL) cannot be reached right now. Chat commands that need it answer with a short
/// "try again later" instead of failing; readiness reports it, and the next command works again once the store is back.
/// </summary>
public sealed class StateUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
