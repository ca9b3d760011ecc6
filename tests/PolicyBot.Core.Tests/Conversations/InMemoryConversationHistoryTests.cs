using PolicyBot.Core.Answering;
using PolicyBot.Core.Conversations;

namespace PolicyBot.Core.Tests.Conversations;

public sealed class InMemoryConversationHistoryTests
{
    private static ConversationTurn User(string t) => new(ChatRole.User, t);
    private static ConversationTurn Bot(string t) => new(ChatRole.Assistant, t);

    [Fact]
    public void Append_KeepsOnlyTheLastTurns()
    {
        var history = new InMemoryConversationHistory(maxConversations: 10, turnsPerConversation: 4);
        for (var i = 1; i <= 3; i++) history.Append("c", User($"q{i}"), Bot($"a{i}"));

        Assert.Equal(["q2", "a2", "q3", "a3"], history.Get("c").Select(t => t.Text));
    }

    [Fact]
    public void Append_EvictsTheLeastRecentlyActiveConversation()
    {
        var history = new InMemoryConversationHistory(maxConversations: 2);
        history.Append("a", User("1"), Bot("1"));
        history.Append("b", User("2"), Bot("2"));
        history.Append("a", User("3"), Bot("3"));   // a is now the most recent
        history.Append("c", User("4"), Bot("4"));   // evicts b

        Assert.Empty(history.Get("b"));
        Assert.Equal(4, history.Get("a").Count);
        Assert.Equal(2, history.Get("c").Count);
    }

    [Fact]
    public void Get_UnknownConversation_IsEmpty() => Assert.Empty(new InMemoryConversationHistory().Get("nope"));
}
