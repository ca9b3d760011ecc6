namespace PolicyBot.Host.Tests.Cli;

/// <summary>Bad input gets one clear line on stderr and a non-zero exit code, never a stack trace.</summary>
public sealed class CliErrorTests : IDisposable
{
    private readonly CliWorkspace _cli = new();

    public void Dispose() => _cli.Dispose();

    private static void AssertCleanFailure(CliResult result, string expected)
    {
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.Error + result.Output);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Ask_UnknownOption_FailsWithMessage() =>
        AssertCleanFailure(await _cli.RunAsync("ask", "question", "--frobnicate"), "--frobnicate");

    [Fact]
    public async Task UnknownCommand_FailsWithMessage() =>
        AssertCleanFailure(await _cli.RunAsync("summarise", "everything"), "summarise");

    [Fact]
    public async Task Eval_MissingFile_FailsWithMessage() =>
        AssertCleanFailure(await _cli.RunAsync("eval", _cli.File("nope.jsonl")), "does not exist");

    [Fact]
    public async Task Eval_MalformedLine_NamesTheLine()
    {
        var path = _cli.File("bad.jsonl");
        await File.WriteAllTextAsync(path, "{\"id\":\"q1\",\"question\":\"x\",\"kind\":\"fact\"}\n{not json\n");
        AssertCleanFailure(await _cli.RunAsync("eval", path), "line 2");
    }

    [Fact]
    public async Task Ingest_MissingPath_FailsWithMessage() =>
        AssertCleanFailure(await _cli.RunAsync("ingest", _cli.File("missing-folder")), "no such file or folder");

    [Fact]
    public async Task Beir_MissingFolder_FailsWithMessage() =>
        AssertCleanFailure(await _cli.RunAsync("beir", _cli.File("no-beir")), "does not exist");

    [Fact]
    public async Task InvalidConfiguration_FailsAtStartupNamingTheKey()
    {
        var result = await _cli.RunAsync(["ask", "anything"], new Dictionary<string, string?> { ["PolicyBot:Ai:Chat:Provider"] = "magic" });
        AssertCleanFailure(result, "PolicyBot:Ai:Chat:Provider");
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task SecretsAreNotPrintedInConfigurationErrors()
    {
        var result = await _cli.RunAsync(["ask", "anything"], new Dictionary<string, string?>
        {
            ["PolicyBot:Ai:Chat:Provider"] = "openai",
            ["PolicyBot:Ai:Chat:ApiKey"] = "sk-very-secret-value",
        });
        AssertCleanFailure(result, "PolicyBot:Ai:Chat:Endpoint");
        Assert.DoesNotContain("sk-very-secret-value", result.Error + result.Output);
    }

    [Fact]
    public async Task Ingest_BrokenFile_IsReportedByNameAndTheRestIngests()
    {
        _cli.AddDocument("broken.pdf", "definitely not a pdf");
        _cli.AddDocument("ok.md", "# Ruritania nickel quota\n\nRuritania caps nickel ore exports at 5 million tonnes a year from 2026.");

        var result = await _cli.RunAsync("ingest");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("1 added", result.Output);
        Assert.Contains("broken.pdf", result.Output);
        Assert.DoesNotContain("   at ", result.Output + result.Error);
    }

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var result = await _cli.RunAsync("--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "ingest", "ask", "search", "eval", "beir" })
            Assert.Contains(command, result.Output);
    }
}
