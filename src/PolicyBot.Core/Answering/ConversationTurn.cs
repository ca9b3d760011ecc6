namespace PolicyBot.Core.Answering;

public enum ChatRole { User, Assistant }

/// <summary>One earlier turn of the same conversation, used for follow-up questions.</summary>
public sealed record ConversationTurn(ChatRole Role, string Text);
