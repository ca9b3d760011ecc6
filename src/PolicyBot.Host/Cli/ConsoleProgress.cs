using System.Diagnostics;
using PolicyBot.Core.Ingestion;

namespace PolicyBot.Host.Cli;

/// <summary>A progress bar on a terminal; when output is redirected, a plain line every few seconds and at the end.</summary>
internal sealed class ConsoleProgress(TextWriter writer, bool interactive) : IProgress<IngestionProgress>
{
    private const int BarWidth = 30;
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(5);
    private readonly long _started = Stopwatch.GetTimestamp();
    private TimeSpan? _lastLine;
    private readonly Lock _gate = new();

    public static ConsoleProgress ForStandardError(TextWriter error) =>
        new(error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);

    public void Report(IngestionProgress value)
    {
        lock (_gate)
        {
            var elapsed = Stopwatch.GetElapsedTime(_started);
            var done = value.CurrentPath is null;
            var percent = value.Total == 0 ? 100 : 100.0 * value.Processed / value.Total;
            if (interactive)
            {
                var filled = (int)Math.Round(BarWidth * percent / 100);
                var name = value.CurrentPath is { } p ? Shorten(p, 40) : "done";
                writer.Write($"\r[{new string('#', filled)}{new string('.', BarWidth - filled)}] {percent,5:0.0}% {value.Processed}/{value.Total} files, {value.PassagesEmbedded} passages  {name,-40}");
                if (done) writer.WriteLine();
                return;
            }
            if (!done && _lastLine is { } last && elapsed - last < LineInterval) return;
            _lastLine = elapsed;
            writer.WriteLine($"ingest: {value.Processed}/{value.Total} files ({percent:0}%), {value.PassagesEmbedded} passages embedded, {elapsed.TotalSeconds:0.0} s");
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : "…" + text[^(max - 1)..];
}
