using PolicyBot.Host.Cli;
using PolicyBot.Tests;

namespace PolicyBot.Host.Tests.Cli;

/// <summary>Runs the real `policybot` entry point in-process against a temporary data folder and index.</summary>
public sealed class CliWorkspace : IDisposable
{
    private readonly TempDirectory _temp = new();

    public CliWorkspace() => Directory.CreateDirectory(DataPath);

    public string DataPath => _temp.File("docs");
    public string IndexPath => _temp.File("index.db");
    public string File(string name) => _temp.File(name);

    public Dictionary<string, string?> Settings => new()
    {
        ["PolicyBot:Ingestion:DataPath"] = DataPath,
        ["PolicyBot:Index:Path"] = IndexPath,
        ["PolicyBot:Ai:Chat:PromptsPath"] = Path.Combine(RepositoryPaths.Root, "prompts"),
    };

    public string AddDocument(string name, string content)
    {
        var path = Path.Combine(DataPath, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void CopyPolicy(string id) =>
        System.IO.File.Copy(Path.Combine(RepositoryPaths.Root, "data", "policies", id + ".md"), Path.Combine(DataPath, id + ".md"));

    public async Task<CliResult> RunAsync(params string[] args) => await RunAsync(args, null);

    public async Task<CliResult> RunAsync(string[] args, IDictionary<string, string?>? extra)
    {
        var settings = Settings;
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PolicyBotCli.RunAsync(args, output, error, settings);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public void Dispose() => _temp.Dispose();
}

public sealed record CliResult(int ExitCode, string Output, string Error);
