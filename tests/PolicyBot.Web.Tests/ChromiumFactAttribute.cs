namespace PolicyBot.Web.Tests;

/// <summary>A fact that drives Debian's Chromium; skipped with the reason when the browser is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
            Skip = $"{ExecutablePath} is not installed (apt-get install chromium; .ci/run installs it when it runs as root)";
    }
}
