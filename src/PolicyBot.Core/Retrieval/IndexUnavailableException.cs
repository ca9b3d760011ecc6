namespace PolicyBot.Core.Retrieval;

/// <summary>
/// The passage index (e.g. a Qdrant server) cannot be reached right now: a transport failure, not a bad request. Chat turns
/// answer with <see cref="Conversations.ConversationService.IndexUnavailableReply"/>, readiness reports it, the server's
/// warm-up keeps retrying, and the next question works again once the index is back. The message names the index but
/// carries no address or credentials.
/// </summary>
public sealed class IndexUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
