using System.Collections;
using System.Reflection;
using PolicyBot.Ai.Chat;
using PolicyBot.Core.Ingestion;
using PolicyBot.Discord;
using PolicyBot.Host.Composition;
using PolicyBot.Qdrant;
using PolicyBot.Teams;

namespace PolicyBot.Host.Tests.Deploy;

/// <summary>
/// Every configuration key the app binds, found by reflection: each options type with a <c>public const string Section</c>
/// in the app's assemblies, and its public settable properties (list properties also take <c>:0</c>, <c>:1</c>, ...).
/// </summary>
internal static class OptionsCatalog
{
    private static readonly Assembly[] AppAssemblies =
    [
        typeof(IngestionOptions).Assembly, // PolicyBot.Core
        typeof(ChatOptions).Assembly,      // PolicyBot.Ai
        typeof(IndexOptions).Assembly,     // PolicyBot.Host
        typeof(DiscordOptions).Assembly,
        typeof(TeamsOptions).Assembly,
        typeof(QdrantOptions).Assembly,
    ];

    public static IReadOnlyList<(Type Type, string Section)> OptionsTypes { get; } =
    [
        .. AppAssemblies.SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .Select(x => (x.Type, (string)x.Field!.GetRawConstantValue()!)),
    ];

    private static readonly (HashSet<string> Keys, HashSet<string> Lists) Catalog = Build();

    /// <summary>Leaf keys (<c>Section:Property</c>), case-insensitive like configuration.</summary>
    public static IReadOnlySet<string> Keys => Catalog.Keys;

    /// <summary>Keys of list properties, which are set item by item (<c>Discord:Channels:0</c>).</summary>
    public static IReadOnlySet<string> ListKeys => Catalog.Lists;

    public static bool Exists(string key)
    {
        if (Keys.Contains(key)) return true;
        var last = key.LastIndexOf(':');
        return last > 0 && int.TryParse(key[(last + 1)..], out _) && ListKeys.Contains(key[..last]);
    }

    /// <summary>An environment variable name as a configuration key: <c>__</c> separates sections.</summary>
    public static string FromEnvironmentName(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    private static (HashSet<string>, HashSet<string>) Build()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lists = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (type, section) in OptionsTypes) Add(type, section, keys, lists, depth: 0);
        return (keys, lists);
    }

    private static void Add(Type type, string prefix, HashSet<string> keys, HashSet<string> lists, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var isList = propertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(propertyType);
            // Settable, or a collection the binder fills in place.
            if (property.SetMethod is not { IsPublic: true } && !isList) continue;
            if (isList)
            {
                lists.Add(key);
                keys.Add(key);
            }
            else if (IsLeaf(propertyType) || depth > 3)
            {
                keys.Add(key);
            }
            else
            {
                Add(propertyType, key, keys, lists, depth + 1);
            }
        }
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) ||
        type == typeof(Uri) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid);
}
