namespace PolicyBot.Web.Tests;

/// <summary>Where failed scenarios leave their screenshots: $POLICYBOT_TEST_ARTIFACTS, else TestResults/playwright in the test output.</summary>
public static class FailureArtifacts
{
    public const string EnvironmentVariable = "POLICYBOT_TEST_ARTIFACTS";

    public static string Folder =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "playwright");

    /// <summary>A file name made from the test's name: letters, digits, dots, dashes and underscores only.</summary>
    public static string ScreenshotPath(string testName)
    {
        var safe = new string(testName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return Path.Combine(Folder, safe + ".png");
    }
}

/// <summary>A scenario failed in the browser; the message names the screenshot taken at that moment.</summary>
public sealed class ScenarioFailedException(string message, Exception inner) : Exception(message, inner);
