namespace PolicyBot.Core.Briefings.Commands;

/// <summary>Where a brief command was given and by whom.</summary>
/// <param name="Platform">"discord" or "teams".</param>
/// <param name="ChannelId">The Discord channel id or the Teams conversation id briefings are posted to.</param>
/// <param name="CanManage">
/// Whether the user may subscribe and unsubscribe here: Discord manage-channel permission, Teams owner or member as configured.
/// The front-end decides; <c>brief now</c> and <c>brief list</c> need no permission.
/// </param>
public sealed record BriefingCommandContext(string Platform, string ChannelId, string UserId, bool CanManage);
