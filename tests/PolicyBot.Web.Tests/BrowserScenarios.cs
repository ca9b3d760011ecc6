using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace PolicyBot.Web.Tests;

/// <summary>
/// Runs one scenario in its own browser context against the shared server. On failure it saves a full-page screenshot
/// named after the test and fails with a message naming the file. Script errors on the page fail the scenario too.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserScenarios(BrowserFixture fixture)
{
    protected BrowserFixture Fixture => fixture;

    protected async Task RunAsync(Func<ChatPage, Task> scenario, [CallerMemberName] string test = "")
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Server.Address.ToString() });
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => { lock (scriptErrors) scriptErrors.Add(error); };
        try
        {
            await page.GotoAsync("/");
            await scenario(new ChatPage(page));
            lock (scriptErrors) Assert.True(scriptErrors.Count == 0, "Script errors on the page: " + string.Join(" | ", scriptErrors));
        }
        catch (Exception failure)
        {
            throw new ScenarioFailedException($"{failure.Message}\n{await ScreenshotAsync(page, $"{GetType().Name}.{test}")}", failure);
        }
    }

    private static async Task<string> ScreenshotAsync(IPage page, string test)
    {
        var path = FailureArtifacts.ScreenshotPath(test);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            return $"Screenshot: {path}";
        }
        catch (Exception e) when (e is PlaywrightException or IOException or UnauthorizedAccessException)
        {
            return $"No screenshot could be saved to {path}: {e.Message}";
        }
    }
}
