using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Teams.Tests.Connector;

/// <summary>Keeps every log line (message and exception text) so tests can check that no secret was logged.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(int EventId, string Text)> _entries = new();

    public IReadOnlyList<(int EventId, string Text)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new ListLogger(_entries);

    public void Dispose() { }

    private sealed class ListLogger(ConcurrentQueue<(int, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            entries.Enqueue((eventId.Id, $"{formatter(state, exception)} {properties} {exception}"));
        }
    }
}
