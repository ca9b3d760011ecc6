using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PolicyBot.Tests;

/// <summary>
/// Records what the "PolicyBot" meter and activity source emit while it is alive, through the same System.Diagnostics
/// listeners an OpenTelemetry SDK uses. The meter is process-wide, so tests using this belong in a non-parallel collection.
/// </summary>
public sealed class TelemetryRecorder : IDisposable
{
    public const string Name = "PolicyBot";

    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;

    public TelemetryRecorder()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == Name) listener.EnableMeasurementEvents(instrument);
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _meters.Start();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => Activities.Add(activity),
        };
        ActivitySource.AddActivityListener(_activities);
    }

    public ConcurrentQueue<RecordedMeasurement> Measurements { get; } = new();

    public ConcurrentBag<Activity> Activities { get; } = [];

    public IReadOnlyList<RecordedMeasurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument).ToList();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        Measurements.Enqueue(new RecordedMeasurement(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString())));

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }
}

public sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags)
{
    public string? Tag(string key) => Tags.GetValueOrDefault(key);
}

/// <summary>Tests that read the process-wide PolicyBot meter run alone, so no other test's measurements mix in.</summary>
[Xunit.CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "PolicyBot telemetry";
}
