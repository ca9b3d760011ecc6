namespace PolicyBot.Web.Tests;

public sealed class FailureArtifactsTests
{
    [Fact]
    public void Folder_DefaultsToTestResultsPlaywrightInTheTestOutput()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "TestResults", "playwright"), FailureArtifacts.FolderFor(null));
        Assert.Equal(FailureArtifacts.FolderFor(null), FailureArtifacts.FolderFor("  "));
    }

    [Fact]
    public void Folder_FromTheEnvironmentValue_IsMadeAbsolute()
    {
        Assert.Equal("/tmp/ci-artifacts", FailureArtifacts.FolderFor("/tmp/ci-artifacts"));
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "artifacts"), FailureArtifacts.FolderFor("artifacts"));
    }

    [Theory]
    [InlineData("AnswerScenarioTests.Question_ShowsACitedAnswer", "AnswerScenarioTests.Question_ShowsACitedAnswer.png")]
    [InlineData("Tests.Theory(x: \"a/b\")", "Tests.Theory_x___a_b__.png")]
    public void ScreenshotPath_IsNamedAfterTheTest_WithUnsafeCharactersReplaced(string test, string file) =>
        Assert.Equal(Path.Combine("/artifacts", file), FailureArtifacts.ScreenshotPath("/artifacts", test));
}
