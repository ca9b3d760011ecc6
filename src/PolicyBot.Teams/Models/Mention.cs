using System.Text.Json;

namespace PolicyBot.Teams.Models;

/// <summary>
/// A Teams mention entity: <c>{"type":"mention","text":"&lt;at&gt;Name&lt;/at&gt;","mentioned":{"id","name"}}</c>.
/// When sending, <see cref="Text"/> must appear verbatim in the activity's text.
/// </summary>
public sealed record Mention
{
    public const string EntityType = "mention";

    public string Type { get; init; } = EntityType;
    public string? Text { get; init; }
    public ChannelAccount? Mentioned { get; init; }

    /// <summary>A mention of <paramref name="account"/> (id and name only) with the text <c>&lt;at&gt;name&lt;/at&gt;</c>.</summary>
    public static Mention Of(ChannelAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(account.Id);
        return new Mention { Text = $"<at>{account.Name ?? account.Id}</at>", Mentioned = new ChannelAccount { Id = account.Id, Name = account.Name } };
    }

    /// <summary>The entity as it goes into <see cref="Activity.Entities"/>.</summary>
    public JsonElement ToEntity() => JsonSerializer.SerializeToElement(this, BotJson.Options);

    /// <summary>The mention in <paramref name="entity"/>, or null when it is another entity type (or malformed).</summary>
    public static Mention? FromEntity(JsonElement entity)
    {
        if (entity.ValueKind != JsonValueKind.Object
            || !entity.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || type.GetString() != EntityType)
            return null;
        try { return entity.Deserialize<Mention>(BotJson.Options); }
        catch (JsonException) { return null; } // A2105: ignore entities we understand but cannot process
    }
}
