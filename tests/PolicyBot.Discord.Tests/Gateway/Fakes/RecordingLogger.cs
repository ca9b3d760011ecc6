using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Discord.Tests.Gateway.Fakes;

internal sealed record LogEntry(LogLevel Level, int EventId, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> Values);

/// <summary>Keeps every log entry (formatted, plus its structured values) so tests can check what was and was not logged.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = (state as IEnumerable<KeyValuePair<string, object?>>)?.ToDictionary(p => p.Key, p => p.Value) ?? [];
        _entries.Enqueue(new LogEntry(logLevel, eventId.Id, formatter(state, exception), exception, values));
    }

    /// <summary>Polls (every 10 ms, up to <see cref="FakeGateway.Timeout"/>) until <paramref name="count"/> entries match.</summary>
    public async Task<IReadOnlyList<LogEntry>> WaitForAsync(Func<LogEntry, bool> match, int count)
    {
        using var timeout = new CancellationTokenSource(FakeGateway.Timeout);
        while (true)
        {
            var found = Entries.Where(match).ToList();
            if (found.Count >= count) return found;
            try
            {
                await Task.Delay(10, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Only {found.Count} of {count} log entries matched; log: "
                    + string.Join(" | ", Entries.Select(e => e.Message)));
            }
        }
    }
}
