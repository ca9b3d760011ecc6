using Grpc.Core;
using Grpc.Core.Interceptors;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Qdrant;

/// <summary>
/// Turns gRPC failures that mean "Qdrant cannot be reached" (connection refused or dropped, no answer before the deadline)
/// into <see cref="IndexUnavailableException"/>, so callers outside this adapter need not know gRPC. Other statuses (a bad
/// request, a missing collection) pass through unchanged.
/// </summary>
internal sealed class TransportFailureInterceptor : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, context);
        return new AsyncUnaryCall<TResponse>(Translate(call.ResponseAsync), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    /// <summary>Whether a gRPC status means the server was not reached or did not answer in time.</summary>
    public static bool IsTransportFailure(StatusCode status) => status is StatusCode.Unavailable or StatusCode.DeadlineExceeded;

    /// <summary>The exception callers see; the message names the status only (the driver's text can carry the address).</summary>
    public static IndexUnavailableException Unavailable(RpcException cause) =>
        new($"Qdrant is not reachable ({cause.StatusCode}).", cause);

    private static async Task<TResponse> Translate<TResponse>(Task<TResponse> response)
    {
        try
        {
            return await response.ConfigureAwait(false);
        }
        catch (RpcException ex) when (IsTransportFailure(ex.StatusCode))
        {
            throw Unavailable(ex);
        }
    }
}
