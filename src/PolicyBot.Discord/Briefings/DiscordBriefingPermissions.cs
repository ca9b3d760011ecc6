using System.Globalization;
using System.Numerics;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Briefings;

/// <summary>
/// Who may subscribe a Discord channel to briefings: members with Manage Channels (or Administrator) in it.
/// Interactions carry the invoker's computed permissions in the channel (<c>member.permissions</c>); gateway messages do not,
/// so a text command from a guild channel needs the member's roles and the channel's overwrites, or the slash command.
/// </summary>
public static class DiscordBriefingPermissions
{
    public static readonly BigInteger Administrator = BigInteger.One << 3, ManageChannels = BigInteger.One << 4;

    /// <param name="permissions">The permission bit set as Discord sends it: a decimal string.</param>
    public static bool CanManageChannel(string? permissions) =>
        BigInteger.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
        && ((bits & Administrator) != 0 || (bits & ManageChannels) != 0);

    public static bool CanManageChannel(DiscordMember? member) => CanManageChannel(member?.Permissions);
}
