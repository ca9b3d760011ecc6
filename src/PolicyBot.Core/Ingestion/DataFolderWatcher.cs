namespace PolicyBot.Core.Ingestion;

/// <summary>Watches a folder and calls <c>changed</c> once the files have been quiet for <c>debounce</c>.</summary>
internal sealed class DataFolderWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly ITimer _timer;
    private readonly TimeSpan _debounce;
    private readonly Action _noticed;

    public DataFolderWatcher(string path, TimeSpan debounce, TimeProvider timeProvider, Action changed, Action noticed)
    {
        Directory.CreateDirectory(path);
        _debounce = debounce;
        _noticed = noticed;
        _timer = timeProvider.CreateTimer(_ => changed(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(path)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Created += OnChanged;
        _watcher.Changed += OnChanged;
        _watcher.Deleted += OnChanged;
        _watcher.Renamed += OnChanged;
        _watcher.EnableRaisingEvents = true;
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        _noticed();
        _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _timer.Dispose();
    }
}
