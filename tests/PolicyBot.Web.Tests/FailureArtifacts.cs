namespace PolicyBot.Web.Tests;

/// <summary>Where failed scenarios leave their screenshots: $POLICYBOT_TEST_ARTIFACTS, else TestResults/playwright in the test output.</summary>
public static class FailureArtifacts
{
    public const string EnvironmentVariable = "POLICYBOT_TEST_ARTIFACTS";

    public static string Folder => FolderFor(Environment.GetEnvironmentVariable(EnvironmentVariable));

    public static string FolderFor(string? configured) =>
        string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "TestResults", "playwright")
            : Path.GetFullPath(configured);

    public static string ScreenshotPath(string testName) => ScreenshotPath(Folder, testName);

    /// <summary>A file in <paramref name="folder"/> named after the test: letters, digits, dots, dashes and underscores only.</summary>
    public static string ScreenshotPath(string folder, string testName)
    {
        var safe = new string(testName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return Path.Combine(folder, safe + ".png");
    }
}

/// <summary>A scenario failed in the browser; the message names the screenshot taken at that moment.</summary>
public sealed class ScenarioFailedException(string message, Exception inner) : Exception(message, inner);
