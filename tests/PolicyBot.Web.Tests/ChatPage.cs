using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PolicyBot.Web.Tests;

/// <summary>The web chat page as a person uses it: type into the labelled box, press Enter, read the newest reply.</summary>
public sealed class ChatPage(IPage page)
{
    public const string InputLabel = "Your question or command";

    public IPage Page => page;
    public ILocator Input => page.GetByLabel(InputLabel);
    public ILocator Transcript => page.Locator("#transcript");
    public ILocator Replies => page.Locator("#transcript > li.bot");

    /// <summary>Types <paramref name="message"/>, presses Enter and returns the reply it produced.</summary>
    public async Task<ILocator> AskAsync(string message)
    {
        var before = await Replies.CountAsync();
        await Input.FillAsync(message);
        await Input.PressAsync("Enter");
        await Expect(Replies).ToHaveCountAsync(before + 1);
        return Replies.Nth(before);
    }

    public static ILocator Sources(ILocator reply) => reply.Locator("ol.sources > li");

    public static ILocator Table(ILocator reply) => reply.Locator("table");
}
