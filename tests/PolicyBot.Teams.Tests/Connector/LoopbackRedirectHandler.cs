namespace PolicyBot.Teams.Tests.Connector;

/// <summary>Sends a request meant for a cloud host to the loopback server instead, remembering where it was meant to go.</summary>
internal sealed class LoopbackRedirectHandler(Uri loopback, List<Uri> intended) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (intended) intended.Add(request.RequestUri!);
        request.RequestUri = new Uri(loopback, request.RequestUri!.PathAndQuery);
        return base.SendAsync(request, cancellationToken);
    }
}
