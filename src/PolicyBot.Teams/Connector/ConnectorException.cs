using System.Net;

namespace PolicyBot.Teams.Connector;

/// <summary>
/// The Connector (or the token endpoint) refused a request and retrying will not help. Carries the HTTP status and the
/// error body's code and message; never the token or the client secret.
/// </summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(string operation, HttpStatusCode statusCode, string? errorCode, string? errorMessage, Exception? innerException = null)
        : base(Describe(operation, statusCode, errorCode, errorMessage), innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    /// <summary>ReplyToActivity, SendToConversation, CreateConversation, UpdateActivity or GetToken.</summary>
    public string Operation { get; }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The error body's code (Connector: <c>error.code</c>, token endpoint: <c>error</c>), when there was one.</summary>
    public string? ErrorCode { get; }

    public string? ErrorMessage { get; }

    private static string Describe(string operation, HttpStatusCode statusCode, string? errorCode, string? errorMessage)
    {
        var detail = (errorCode, errorMessage) switch
        {
            (null, null) => "no error details",
            (_, null) => errorCode,
            (null, _) => errorMessage,
            _ => $"{errorCode}: {errorMessage}",
        };
        return $"Connector {operation} failed with {(int)statusCode} {statusCode}: {detail}";
    }
}
