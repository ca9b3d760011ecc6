using PolicyBot.Core.Briefings;

namespace PolicyBot.Core.Tests.Scheduling.Fakes;

/// <summary>Composes a one-item briefing (or an empty one when <see cref="Empty"/>), and remembers each request.</summary>
public sealed class FakeBriefingComposer : IBriefingComposer
{
    private readonly Lock _lock = new();
    private readonly List<(string SubscriptionId, DateTimeOffset Since, DateTimeOffset Until)> _calls = [];

    public bool Empty { get; set; }

    /// <summary>Thrown for these subscription ids.</summary>
    public HashSet<string> FailFor { get; } = [];

    public IReadOnlyList<(string SubscriptionId, DateTimeOffset Since, DateTimeOffset Until)> Calls
    {
        get { lock (_lock) return [.. _calls]; }
    }

    public Task<Briefing> ComposeAsync(BriefingSubscription subscription, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (_lock) _calls.Add((subscription.Id, since, until));
        if (FailFor.Contains(subscription.Id)) throw new InvalidOperationException("composer failed for " + subscription.Id);
        IReadOnlyList<BriefingItem> items = Empty
            ? []
            : [new BriefingItem(BriefingItemKind.New, "doc-1", "Graphite export controls", "China", "New controls [1].", [], null, null)];
        return Task.FromResult(new Briefing(since, until, items));
    }
}
