using System.Text.RegularExpressions;
using PolicyBot.Tests;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace PolicyBot.Host.Tests.Deploy;

/// <summary>Reads the settings that deploy/ gives PolicyBot: compose.yaml, .env.example and the Kubernetes manifests.</summary>
internal static partial class DeployFiles
{
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "deploy");

    public static string ComposePath => Path.Combine(Folder, "compose.yaml");

    public static string EnvExamplePath => Path.Combine(Folder, ".env.example");

    public static IEnumerable<string> ManifestPaths => Directory.EnumerateFiles(Path.Combine(Folder, "k8s"), "*.yaml").Order(StringComparer.Ordinal);

    public static Dictionary<object, object> Compose() => (Dictionary<object, object>)Yaml(ComposePath).Single();

    /// <summary>The environment variables compose.yaml sets on the policybot service.</summary>
    public static IReadOnlyList<string> ComposeEnvironment()
    {
        var services = Map(Compose()["services"]);
        var environment = Map(services["policybot"]).GetValueOrDefault("environment");
        return environment switch
        {
            Dictionary<object, object> map => [.. map.Keys.Select(k => (string)k)],
            List<object> list => [.. list.Select(item => ((string)item).Split('=', 2)[0])],
            _ => [],
        };
    }

    /// <summary>Variables compose.yaml interpolates (<c>${NAME}</c>, <c>${NAME:-default}</c>, <c>${NAME:?error}</c>).</summary>
    public static IReadOnlyList<string> ComposeInterpolations() =>
        [.. File.ReadLines(ComposePath).Where(line => !line.TrimStart().StartsWith('#'))
            .SelectMany(line => Interpolation().Matches(line)).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>The keys .env.example lists, set or commented out.</summary>
    public static IReadOnlyList<string> EnvExampleKeys() =>
        [.. File.ReadLines(EnvExamplePath).Select(line => EnvLine().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value)];

    /// <summary>Every parsed document of every manifest, with its file name.</summary>
    public static IEnumerable<(string File, Dictionary<object, object> Document)> Manifests() =>
        ManifestPaths.SelectMany(path => Yaml(path).OfType<Dictionary<object, object>>().Select(doc => (Path.GetFileName(path), doc)));

    /// <summary>Environment variable names the manifests give PolicyBot: its containers' env, and the ConfigMap and Secret it loads whole.</summary>
    public static IReadOnlyList<(string File, string Name)> ManifestEnvironment()
    {
        var names = new List<(string, string)>();
        foreach (var (file, document) in Manifests())
        {
            var kind = document.GetValueOrDefault("kind") as string;
            if (kind is "ConfigMap" or "Secret" && Map(document["metadata"])["name"] is string name && name.StartsWith("policybot", StringComparison.Ordinal))
            {
                var data = Map(document.GetValueOrDefault(kind == "Secret" ? "stringData" : "data") ?? new Dictionary<object, object>());
                names.AddRange(data.Keys.Select(k => (file, (string)k)));
            }
            foreach (var container in PolicyBotContainers(document))
            {
                if (container.GetValueOrDefault("env") is List<object> env)
                    names.AddRange(env.Select(e => (file, (string)Map(e)["name"])));
            }
        }
        return names;
    }

    /// <summary>Containers running the PolicyBot image in a Deployment, StatefulSet or Job.</summary>
    public static IEnumerable<Dictionary<object, object>> PolicyBotContainers(Dictionary<object, object> document)
    {
        if (document.GetValueOrDefault("kind") is not ("Deployment" or "StatefulSet" or "Job")) return [];
        var podSpec = Map(Map(Map(document["spec"])["template"])["spec"]);
        return ((List<object>)podSpec["containers"]).Select(Map).Where(c => ((string)c["image"]).StartsWith("policybot", StringComparison.Ordinal));
    }

    public static Dictionary<object, object> Map(object node) => (Dictionary<object, object>)node;

    private static List<object> Yaml(string path)
    {
        var deserializer = new DeserializerBuilder().Build();
        var parser = new Parser(new StringReader(File.ReadAllText(path)));
        parser.Consume<StreamStart>();
        var documents = new List<object>();
        while (parser.Accept<DocumentStart>(out _))
        {
            var document = deserializer.Deserialize<object>(parser);
            if (document is not null) documents.Add(document);
        }
        return documents;
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"^\s*#?\s*([A-Za-z_][A-Za-z0-9_]*)=")]
    private static partial Regex EnvLine();
}
