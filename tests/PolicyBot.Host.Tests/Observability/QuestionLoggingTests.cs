using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyBot.Host.Tests.Server;

namespace PolicyBot.Host.Tests.Observability;

/// <summary>At Information level the logs say what happened, never what the user asked or what the bot answered.</summary>
public sealed class QuestionLoggingTests
{
    [Fact]
    public async Task AskingAtInformationLevel_NeverLogsTheQuestionOrTheAnswer()
    {
        await using var server = await BotServer.StartAsync(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information", ["Logging:LogLevel:Microsoft"] = "Information", ["Logging:LogLevel:System.Net.Http"] = "Information",
        });
        var logs = new CapturingLoggerProvider();
        server.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        using var http = new HttpClient();
        const string question = "What are the CRMA benchmarks for extraction capacity?";

        var response = await http.PostAsJsonAsync(new Uri(server.Address, "/api/chat"), new { conversationId = "log-1", message = question });
        var reply = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var refused = await http.PostAsJsonAsync(new Uri(server.Address, "/api/chat"), new { conversationId = "log-2", message = "Tell me about zyxquartz sourdough recipes" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("answer", reply["kind"]!.GetValue<string>());
        var answerFragment = reply["text"]!.GetValue<string>()[..40];
        // The requests were logged (so the capture works), but no line carries the words the user typed or the answer.
        Assert.Contains(logs.Lines, line => line.Contains("/api/chat", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("CRMA benchmarks", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("zyxquartz", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(answerFragment, StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Capturing(categoryName, Lines);

        public void Dispose() { }

        private sealed class Capturing(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel)) return;
                // The message, every structured value and any exception text.
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {values} {exception}");
            }
        }
    }
}
