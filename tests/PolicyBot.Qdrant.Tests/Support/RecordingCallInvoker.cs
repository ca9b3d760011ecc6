using Google.Protobuf;
using Grpc.Core;

namespace PolicyBot.Qdrant.Tests.Support;

/// <summary>
/// A gRPC transport that records each unary request and answers it from a script. It does not emulate Qdrant: tests use
/// it to see which requests the index sends, in which order, and how it treats given answers.
/// </summary>
internal sealed class RecordingCallInvoker(Func<IMessage, IMessage> respond) : CallInvoker
{
    public List<IMessage> Requests { get; } = [];

    public IEnumerable<T> Sent<T>() where T : IMessage => Requests.OfType<T>();

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        Requests.Add((IMessage)request);
        Task<TResponse> response;
        try
        {
            response = Task.FromResult((TResponse)respond((IMessage)request));
        }
        catch (RpcException ex)
        {
            response = Task.FromException<TResponse>(ex);
        }
        return new AsyncUnaryCall<TResponse>(response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException();

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException();

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();
}
