using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Serialization;

namespace PolicyBot.Discord.Gateway;

/// <summary>A frame the client sends: <c>{"op", "d"}</c>; <c>d</c> is written even when null (heartbeat before any dispatch).</summary>
internal sealed record GatewayCommand<T>(int Op, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] T D);

/// <summary>IDENTIFY (op 2) data.</summary>
internal sealed record IdentifyCommand(string Token, int Intents, IdentifyProperties Properties, IReadOnlyList<int>? Shard = null)
{
    // Records print every member; keep the token out of any log or exception message.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Token = ***, Intents = {Intents}, Properties = {Properties}, Shard = [{string.Join(", ", Shard ?? [])}]");
        return true;
    }
}

internal sealed record IdentifyProperties(string Os, string Browser, string Device)
{
    public static IdentifyProperties PolicyBot { get; } = new(CurrentOs(), "policybot", "policybot");

    private static string CurrentOs() =>
        OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : OperatingSystem.IsLinux() ? "linux"
            : RuntimeInformation.OSDescription;
}

/// <summary>RESUME (op 6) data.</summary>
internal sealed record ResumeCommand(string Token, string SessionId, int Seq)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Token = ***, SessionId = {SessionId}, Seq = {Seq}");
        return true;
    }
}
