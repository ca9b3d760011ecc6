namespace PolicyBot.Teams.Briefings;

/// <summary>Who may subscribe a Teams channel to briefings: team owners only, or every team member (never guests).</summary>
public enum TeamsBriefingManagers { Owners, Members }

public static class TeamsBriefingPermissions
{
    /// <param name="userRole">The member's <c>userRole</c> from the Connector's team roster (<c>owner</c>, <c>user</c> or <c>guest</c>).</param>
    public static bool CanManage(TeamsBriefingManagers allowed, string? userRole) => userRole?.ToLowerInvariant() switch
    {
        "owner" => true,
        "user" => allowed == TeamsBriefingManagers.Members,
        _ => false,
    };
}
