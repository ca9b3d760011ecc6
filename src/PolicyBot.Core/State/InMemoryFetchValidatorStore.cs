using System.Collections.Concurrent;
using PolicyBot.Core.Ingestion;

namespace PolicyBot.Core.State;

/// <summary>Validators that last as long as the process: every restart fetches each URL in full once.</summary>
public sealed class InMemoryFetchValidatorStore : IFetchValidatorStore
{
    private readonly ConcurrentDictionary<string, FetchValidators> _items = new(StringComparer.Ordinal);

    public Task<FetchValidators?> GetAsync(Uri url, CancellationToken cancellationToken) =>
        Task.FromResult(_items.GetValueOrDefault(url.AbsoluteUri));

    public Task SaveAsync(Uri url, FetchValidators validators, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _items[url.AbsoluteUri] = validators with { DocumentIds = validators.DocumentIds?.ToArray() };
        return Task.CompletedTask;
    }
}
