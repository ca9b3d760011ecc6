using System.CommandLine;

namespace PolicyBot.Host.Cli;

/// <summary>
/// Range checks for integer options. They sit on the option, not the command: a command validator reads 0 for an option the user
/// left out (its default is only applied when the action runs), which would reject every call that relies on the default.
/// </summary>
internal static class OptionRange
{
    public static Option<int> AcceptOnly(this Option<int> option, int min, int max)
    {
        option.Validators.Add(result =>
        {
            if (result.Implicit) return;
            if (result.GetValueOrDefault<int>() is var value && (value < min || value > max))
                result.AddError($"{option.Name} must be between {min} and {max}.");
        });
        return option;
    }
}
