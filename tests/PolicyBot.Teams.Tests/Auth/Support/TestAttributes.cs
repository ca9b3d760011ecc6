using PolicyBot.Tests;

namespace PolicyBot.Teams.Tests.Auth.Support;

/// <summary>A theory over ../shared fixture data; skipped with the reason when the folder is absent.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (RepositoryPaths.Shared is null) Skip = RepositoryPaths.SharedMissingReason;
    }
}

/// <summary>Runs only when <see cref="Variable"/> names a node_modules folder holding botframework-connector (the npm reference SDK).</summary>
public sealed class BotFrameworkReferenceFactAttribute : FactAttribute
{
    public const string Variable = "POLICYBOT_BF_REFERENCE";

    public BotFrameworkReferenceFactAttribute()
    {
        var modules = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(modules))
            Skip = $"{Variable} is not set; to run: npm install --prefix /tmp/bfref botframework-connector@4.23.3 jsonwebtoken@9.0.3 && export {Variable}=/tmp/bfref/node_modules";
        else if (!Directory.Exists(Path.Combine(modules, "botframework-connector")))
            Skip = $"{Variable}={modules} has no botframework-connector folder";
        else if (RepositoryPaths.Shared is null)
            Skip = RepositoryPaths.SharedMissingReason;
    }
}
