using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace PolicyBot.Core.Briefings.Scheduling;

/// <summary>
/// IANA time zones ("Europe/Berlin") from the system's tz database. They resolve with <c>InvariantGlobalization</c> on
/// Linux (the tzdata files are read directly; only Windows-name conversion needs ICU), but a container image needs the
/// <c>tzdata</c> package. A name in the wrong case ("europe/berlin") resolves to its canonical spelling.
/// </summary>
public static partial class TimeZones
{
    public const string Utc = "UTC";

    private static readonly ConcurrentDictionary<string, TimeZoneInfo> _cache = new(StringComparer.Ordinal);   // hits only: names are user input

    public static TimeZoneInfo Find(string name) =>
        TryFind(name, out var zone)
            ? zone
            : throw new TimeZoneNotFoundException($"'{name}' is not an IANA time zone this machine knows (e.g. Europe/Berlin, America/New_York, UTC).");

    public static bool TryFind(string? name, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(name)) return false;
        name = name.Trim();
        if (_cache.TryGetValue(name, out zone)) return true;
        zone = Resolve(name);
        if (zone is not null) _cache.TryAdd(name, zone);
        return zone is not null;
    }

    /// <summary>The spelling to store: "UTC" for UTC and its aliases, otherwise the zone's id.</summary>
    public static string CanonicalName(TimeZoneInfo zone) => ReferenceEquals(zone, TimeZoneInfo.Utc) ? Utc : zone.Id;

    private static TimeZoneInfo? Resolve(string name)
    {
        if (IsUtcAlias(name)) return TimeZoneInfo.Utc;
        if (!IanaName().IsMatch(name)) return null;   // user input: no paths, no Windows names
        if (TryFindSystem(name) is { } exact) return exact;
        var match = TimeZoneInfo.GetSystemTimeZones().FirstOrDefault(z => string.Equals(z.Id, name, StringComparison.OrdinalIgnoreCase));
        return match is null ? null : TryFindSystem(match.Id);
    }

    private static TimeZoneInfo? TryFindSystem(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (TimeZoneNotFoundException) { return null; }
        catch (InvalidTimeZoneException) { return null; }
    }

    private static bool IsUtcAlias(string name) =>
        name.Equals("UTC", StringComparison.OrdinalIgnoreCase) || name.Equals("Etc/UTC", StringComparison.OrdinalIgnoreCase)
        || name.Equals("GMT", StringComparison.OrdinalIgnoreCase) || name.Equals("Z", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,2}$")]
    private static partial Regex IanaName();
}
