namespace PolicyBot.Core.Conversations;

/// <summary>What a chat user asked for, whatever the platform.</summary>
public abstract record ChatCommand
{
    /// <summary>A question for a cited answer (also a plain message that names no command).</summary>
    public sealed record Ask(string Question) : ChatCommand;

    /// <summary>The newest measures; <see cref="Filters"/> are free words (a jurisdiction, a material) resolved against the index.</summary>
    public sealed record Latest(string? Jurisdiction = null, string? Material = null, string? Filters = null) : ChatCommand;

    /// <summary>What is indexed, or the documents best matching <see cref="Query"/>.</summary>
    public sealed record Sources(string? Query = null) : ChatCommand;

    public sealed record Help : ChatCommand;

    /// <summary>Looked like a command (<c>/name</c> or <c>!name</c>) but is not one.</summary>
    public sealed record Unknown(string Name) : ChatCommand;
}
