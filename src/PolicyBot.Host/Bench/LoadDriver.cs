using System.Diagnostics;
using System.Net.Http.Json;

namespace PolicyBot.Host.Bench;

/// <param name="Requests">Every request sent; always <see cref="Succeeded"/> + <see cref="Errors"/>.</param>
/// <param name="Errors">Non-2xx responses and transport failures (refused connections, resets, timeouts).</param>
/// <param name="QuestionsPerSecond">Answered (2xx) questions divided by the wall time until the last client finished.</param>
internal sealed record LoadResult(
    string Url, int Clients, double Seconds, int Requests, int Succeeded, int Errors, double QuestionsPerSecond,
    Percentiles LatencyMs, IReadOnlyDictionary<string, int> ErrorKinds, string LoadAverage);

/// <summary>
/// Concurrent clients, each asking one question at a time on POST /api/chat until the duration is up (requests in flight
/// then are finished and counted). Each client keeps a conversation for five questions, then starts a new one.
/// </summary>
internal static class LoadDriver
{
    private const int QuestionsPerConversation = 5;

    public static async Task<LoadResult> RunAsync(Uri baseUrl, int clients, TimeSpan duration, IReadOnlyList<string> questions, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clients);
        ArgumentOutOfRangeException.ThrowIfZero(questions.Count);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var chat = new Uri(baseUrl, "api/chat");

        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(client =>
            Task.Run(() => ClientLoopAsync(http, chat, client, clients, deadline, questions, cancellationToken), cancellationToken)));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var latencies = perClient.SelectMany(c => c.Latencies).ToList();
        var errors = perClient.SelectMany(c => c.Errors).GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var failed = errors.Values.Sum();
        var succeeded = perClient.Sum(c => c.Succeeded);
        return new LoadResult(baseUrl.ToString(), clients, Math.Round(seconds, 2), succeeded + failed, succeeded, failed,
            Math.Round(succeeded / seconds, 1), Percentiles.Of(latencies), errors, ScaleBench.LoadAverage());
    }

    private sealed class ClientTally
    {
        public List<double> Latencies { get; } = [];
        public List<string> Errors { get; } = [];
        public int Succeeded { get; set; }
    }

    private static async Task<ClientTally> ClientLoopAsync(
        HttpClient http, Uri chat, int client, int clients, long deadline, IReadOnlyList<string> questions, CancellationToken cancellationToken)
    {
        var tally = new ClientTally();
        var conversation = "";
        for (var n = 0; Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested; n++)
        {
            if (n % QuestionsPerConversation == 0) conversation = $"load-{client}-{n / QuestionsPerConversation}-{Guid.NewGuid():N}";
            // Clients walk the question list at different offsets, so concurrent requests ask different questions.
            var question = questions[(client + n * clients) % questions.Count];
            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.PostAsJsonAsync(chat, new { conversationId = conversation, message = question }, cancellationToken);
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                tally.Latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (!response.IsSuccessStatusCode) tally.Errors.Add($"HTTP {(int)response.StatusCode}");
                // A 200 can still carry an error reply (over a rate limit, a failed turn): that is not an answered question.
                else if (await ReplyKindAsync(response, cancellationToken) == "error") tally.Errors.Add("error reply");
                else tally.Succeeded++;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                tally.Latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                tally.Errors.Add(ex is TaskCanceledException ? "timeout" : $"transport: {ex.InnerException?.GetType().Name ?? ex.GetType().Name}");
            }
        }
        return tally;
    }

    private static async Task<string?> ReplyKindAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var reply = await System.Text.Json.JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return reply.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && reply.RootElement.TryGetProperty("kind", out var kind) ? kind.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return "error";   // a 2xx that is not a reply is not an answer either
        }
    }
}
