using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Interactions;

/// <summary>
/// Parses interactions like <see cref="DiscordJson"/>, except that a missing <c>id</c> or <c>application_id</c> is
/// tolerated (read as ""): Discord's own documentation examples leave <c>application_id</c> out, and the signature
/// already proves the request came from Discord. Use it for INTERACTION_CREATE payloads too.
/// </summary>
public static class InteractionJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The interaction, or null when the bytes are not a JSON object of that shape.</summary>
    public static Interaction? TryParse(ReadOnlySpan<byte> utf8Json, string? fallbackApplicationId = null)
    {
        try
        {
            var interaction = JsonSerializer.Deserialize<Interaction>(utf8Json, Options);
            return interaction is null ? null : Normalize(interaction, fallbackApplicationId);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <exception cref="JsonException">The element is not an interaction.</exception>
    public static Interaction Parse(JsonElement element, string? fallbackApplicationId = null) =>
        Normalize(element.Deserialize<Interaction>(Options) ?? throw new JsonException("Expected an interaction, got null."), fallbackApplicationId);

    /// <exception cref="JsonException">The text is not an interaction.</exception>
    public static Interaction Parse(string json, string? fallbackApplicationId = null) =>
        Normalize(JsonSerializer.Deserialize<Interaction>(json, Options) ?? throw new JsonException("Expected an interaction, got null."), fallbackApplicationId);

    // The model declares Id and ApplicationId `required`; without the attribute they stay null when absent.
    private static Interaction Normalize(Interaction interaction, string? fallbackApplicationId) =>
        interaction.Id is null || string.IsNullOrEmpty(interaction.ApplicationId)
            ? interaction with
            {
                Id = interaction.Id ?? "",
                ApplicationId = string.IsNullOrEmpty(interaction.ApplicationId) ? fallbackApplicationId ?? "" : interaction.ApplicationId,
            }
            : interaction;

    private static JsonSerializerOptions CreateOptions()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(static typeInfo =>
        {
            if (typeInfo.Type != typeof(Interaction)) return;
            foreach (var property in typeInfo.Properties) property.IsRequired = false;
        });
        var options = new JsonSerializerOptions(DiscordJson.Options) { TypeInfoResolver = resolver };
        options.MakeReadOnly();
        return options;
    }
}
