using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyBot.Core.Conversations;
using PolicyBot.Discord.Commands;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Tests.Commands;

public sealed class SlashCommandsTests
{
    private static InteractionData Data(string name, params (string Name, object Value)[] options) => new()
    {
        Name = name,
        Options = options.Select(o => new InteractionOption { Name = o.Name, Value = JsonSerializer.SerializeToElement(o.Value) }).ToList(),
    };

    [Fact]
    public void Definitions_FollowDiscordsNameAndDescriptionRules()
    {
        foreach (var command in SlashCommands.Definitions)
        {
            Assert.Matches(new Regex(@"^[-_\p{Ll}\p{N}]{1,32}$"), command.Name);
            Assert.InRange(command.Description.Length, 1, 100);
            Assert.All(command.Options ?? [], o => Assert.InRange(o.Description.Length, 1, 100));
        }
        Assert.Equal(SlashCommands.Definitions.Count, SlashCommands.Definitions.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public void ToChatCommand_MapsEachCommand()
    {
        Assert.Equal(new ChatCommand.Ask("When?"), SlashCommands.ToChatCommand(Data("ask", ("question", "When?"))));
        Assert.Equal(new ChatCommand.Latest("China", null), SlashCommands.ToChatCommand(Data("latest", ("jurisdiction", "China"))));
        Assert.Equal(new ChatCommand.Timeline("graphite"), SlashCommands.ToChatCommand(Data("timeline", ("subject", "graphite"))));
        var compare = Assert.IsType<ChatCommand.Compare>(SlashCommands.ToChatCommand(Data("compare", ("subjects", "China, United States"), ("material", "graphite"))));
        Assert.Equal(["China", "United States"], compare.Subjects);
        Assert.Equal("graphite", compare.Material);
        Assert.Equal(new ChatCommand.Upcoming(60), SlashCommands.ToChatCommand(Data("upcoming", ("days", 60))));
        Assert.IsType<ChatCommand.Invalid>(SlashCommands.ToChatCommand(Data("compare", ("subjects", "China"))));
        Assert.Equal(new ChatCommand.Unknown("frob"), SlashCommands.ToChatCommand(Data("frob")));
        Assert.Equal("brief subscribe daily 08:00 UTC", SlashCommands.BriefText(Data("brief", ("command", "subscribe daily 08:00 UTC"))));
    }
}
