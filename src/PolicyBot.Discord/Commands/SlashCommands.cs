using PolicyBot.Core.Conversations;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Commands;

/// <summary>PolicyBot's slash commands: their definitions for bulk overwrite, and how an invocation maps to a chat command.</summary>
public static class SlashCommands
{
    public static IReadOnlyList<ApplicationCommand> Definitions { get; } =
    [
        new()
        {
            Name = "ask", Description = "Ask a battery-materials policy question; the answer cites its sources.",
            Options = [new() { Name = "question", Description = "Your question", Required = true }],
        },
        new()
        {
            Name = "latest", Description = "The most recent policy measures, newest first.",
            Options =
            [
                new() { Name = "jurisdiction", Description = "e.g. China, United States, European Union" },
                new() { Name = "material", Description = "e.g. graphite, lithium, rare earths" },
            ],
        },
        new()
        {
            Name = "sources", Description = "What documents are indexed, or which best match a query.",
            Options = [new() { Name = "query", Description = "Words to match (optional)" }],
        },
        new()
        {
            Name = "timeline", Description = "Measures in date order with suspensions and what is coming up.",
            Options = [new() { Name = "subject", Description = "A material or jurisdiction, e.g. graphite", Required = true }],
        },
        new()
        {
            Name = "compare", Description = "A cited comparison table of jurisdictions or measures.",
            Options =
            [
                new() { Name = "subjects", Description = "Two or more, comma-separated, e.g. China, United States", Required = true },
                new() { Name = "material", Description = "e.g. graphite (optional)" },
            ],
        },
        new()
        {
            Name = "upcoming", Description = "Effective dates and deadlines coming up.",
            Options = [new() { Type = 4, Name = "days", Description = "How many days ahead (default 30)" }],
        },
        new()
        {
            Name = "brief", Description = "Policy briefings for this channel: now, subscribe, list, unsubscribe.",
            Options = [new() { Name = "command", Description = "e.g. now | subscribe daily 08:00 Europe/Berlin --material graphite | list | unsubscribe <id>", Required = true }],
        },
        new() { Name = "help", Description = "What PolicyBot can do." },
    ];

    /// <summary>The chat command an APPLICATION_COMMAND interaction asks for.</summary>
    /// <summary>The text form of a /brief invocation ("brief subscribe daily 08:00 UTC"), which the conversation layer parses.</summary>
    public static string? BriefText(InteractionData? data) =>
        data?.Name == "brief" ? $"brief {data.Option("command")}".Trim() : null;

    public static ChatCommand ToChatCommand(InteractionData? data) => data?.Name switch
    {
        "ask" when data.Option("question") is { Length: > 0 } question => new ChatCommand.Ask(question),
        "latest" => new ChatCommand.Latest(Blank(data.Option("jurisdiction")), Blank(data.Option("material"))),
        "sources" => new ChatCommand.Sources(Blank(data.Option("query"))),
        "timeline" when Blank(data.Option("subject")) is { } subject => new ChatCommand.Timeline(subject),
        "compare" when (data.Option("subjects") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 } subjects
            => new ChatCommand.Compare(subjects, Blank(data.Option("material"))),
        "compare" => new ChatCommand.Invalid("compare", "give at least two jurisdictions or measures, separated by commas."),
        "timeline" => new ChatCommand.Invalid("timeline", "give a material or a jurisdiction."),
        "upcoming" => new ChatCommand.Upcoming(int.TryParse(data.Option("days"), out var days) && days is > 0 and <= 3650 ? days : ChatCommand.Upcoming.DefaultDays),
        "help" or "ask" => new ChatCommand.Help(),
        var other => new ChatCommand.Unknown(other ?? "(none)"),
    };

    /// <summary>How the invocation reads in a conversation's history.</summary>
    public static string Describe(InteractionData? data) =>
        data is null ? "" : $"/{data.Name} {string.Join(' ', data.Options?.Select(o => $"{o.Name}:{data.Option(o.Name)}") ?? [])}".TrimEnd();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
