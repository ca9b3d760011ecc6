using static PolicyBot.Host.Tests.Deploy.DeployFiles;

namespace PolicyBot.Host.Tests.Deploy;

/// <summary>
/// deploy/ cannot drift from the code: every setting that compose.yaml, .env.example and the Kubernetes manifests give
/// PolicyBot must be a key the app's options bind (a typo or a renamed option fails here, not silently in production).
/// </summary>
public sealed class DeploymentConfigurationTests
{
    // Keys of issue 5's PostgreSQL state, which deploy/ already sets and which another branch adds to StateOptions.
    // Tolerated while they are missing; PendingKeys_NotYetInOptions fails once they exist, to have them removed here.
    private static readonly string[] PendingKeys = [];

    // Settings that are not PolicyBot options: the ASP.NET Core / .NET host's own, and compose.yaml's own variables.
    private static readonly string[] HostKeys = ["ASPNETCORE_URLS", "DOTNET_RUNNING_IN_CONTAINER"];
    private static readonly string[] ComposeVariables = ["POSTGRES_PASSWORD", "POLICYBOT_PORT"];

    [Fact]
    public void OptionsCatalog_FindsEverySection()
    {
        Assert.Superset(
            new HashSet<string>(["PolicyBot:Index", "PolicyBot:Ingestion", "PolicyBot:Retrieval", "PolicyBot:Ai:Chat", "PolicyBot:Ai:Embeddings", "PolicyBot:State", "Discord", "Discord:Interactions", "Teams", "Qdrant"]),
            OptionsCatalog.OptionsTypes.Select(t => t.Section).ToHashSet());
        Assert.True(OptionsCatalog.Exists("Qdrant:Endpoint"));
        Assert.True(OptionsCatalog.Exists("discord:shardid"));
        Assert.True(OptionsCatalog.Exists("Discord:Channels:3"));
        Assert.False(OptionsCatalog.Exists("Discord:Shard"));
        Assert.False(OptionsCatalog.Exists("Qdrant:Endpoint:0"));
    }

    [Fact]
    public void Compose_PolicyBotEnvironment_EveryKeyIsAnOption()
    {
        var environment = ComposeEnvironment();

        Assert.Contains("Qdrant__Endpoint", environment);
        AssertNone(Unknown(environment), "compose.yaml sets settings that no options class has");
    }

    [Fact]
    public void KubernetesManifests_PolicyBotEnvironment_EveryKeyIsAnOption()
    {
        var environment = ManifestEnvironment();

        Assert.Contains(environment, e => e.Name == "Discord__ShardId");
        AssertNone(environment.Where(e => Unknown([e.Name]).Count > 0).Select(e => $"{e.File}: {e.Name}"), "the manifests set settings that no options class has");
    }

    [Fact]
    public void EnvExample_EveryKeyIsAnOptionOrAComposeVariable()
    {
        AssertNone(Unknown(EnvExampleKeys().Except(ComposeVariables)), ".env.example lists settings that no options class has");
    }

    [Fact]
    public void EnvExample_ListsEveryKeyComposeUses()
    {
        var listed = EnvExampleKeys().ToHashSet(StringComparer.Ordinal);

        var unlisted = ComposeEnvironment().Concat(ComposeInterpolations()).Distinct().Where(key => !listed.Contains(key)).ToList();

        AssertNone(unlisted, "compose.yaml uses keys that .env.example does not list");
    }

    [Fact]
    public void EnvExample_ListsEveryOptionOfTheDeployedSections()
    {
        var listed = EnvExampleKeys().Select(OptionsCatalog.FromEnvironmentName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        string[] prefixes = ["PolicyBot:Ai:Chat:", "PolicyBot:Ai:Embeddings:", "Discord:", "Teams:", "Qdrant:", "PolicyBot:Index:", "PolicyBot:State:"];

        var missing = OptionsCatalog.Keys
            .Where(key => prefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .Where(key => !listed.Contains(key) && !(OptionsCatalog.ListKeys.Contains(key) && listed.Contains(key + ":0")));

        AssertNone(missing, ".env.example misses options");
    }

    [Fact]
    public void PendingKeys_NotYetInOptions()
    {
        Assert.All(PendingKeys, key => Assert.False(OptionsCatalog.Exists(key),
            $"{key} is now an option: remove it from {nameof(DeploymentConfigurationTests)}.{nameof(PendingKeys)}."));
    }

    [Fact]
    public void KubernetesManifests_PolicyBotContainers_ProbeHealthz()
    {
        var containers = Manifests().SelectMany(m => PolicyBotContainers(m.Document).Select(c => (m.File, Container: c))).ToList();

        Assert.Equal(3, containers.Count); // the web Deployment, the Discord StatefulSet and the ingest Job
        foreach (var (file, container) in containers.Where(c => c.File != "job-ingest.yaml"))
        {
            foreach (var probe in new[] { "readinessProbe", "livenessProbe" })
            {
                var path = Map(Map(container[probe])["httpGet"])["path"];
                Assert.True(path is "/healthz" or "/readyz", $"{file}: {probe} is on {path}");
            }
        }
    }

    [Fact]
    public void DiscordStatefulSet_ShardCountEqualsReplicasAndShardIdIsThePodOrdinal()
    {
        var statefulSet = Manifests().Single(m => m.File == "statefulset-discord.yaml" && (string)m.Document["kind"] == "StatefulSet").Document;
        var replicas = Map(statefulSet["spec"])["replicas"];
        var env = ((List<object>)PolicyBotContainers(statefulSet).Single()["env"]).Select(Map).ToDictionary(e => (string)e["name"]);

        Assert.Equal(replicas, env["Discord__ShardCount"]["value"]);
        Assert.Equal("metadata.labels['apps.kubernetes.io/pod-index']", Map(Map(env["Discord__ShardId"]["valueFrom"])["fieldRef"])["fieldPath"]);
    }

    private static void AssertNone(IEnumerable<string> found, string problem)
    {
        var list = found.ToList();
        Assert.True(list.Count == 0, $"{problem}: {string.Join(", ", list)}");
    }

    private static List<string> Unknown(IEnumerable<string> environmentNames) =>
    [
        .. environmentNames
            .Where(name => !HostKeys.Contains(name) && !name.StartsWith("Logging__", StringComparison.Ordinal))
            .Where(name => !OptionsCatalog.Exists(OptionsCatalog.FromEnvironmentName(name)))
            .Where(name => !PendingKeys.Contains(OptionsCatalog.FromEnvironmentName(name), StringComparer.OrdinalIgnoreCase)),
    ];
}
