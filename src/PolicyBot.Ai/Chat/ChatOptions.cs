using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Ai.Chat;

public sealed class ChatOptions
{
    public const string Section = "PolicyBot:Ai:Chat";
    public const string Extractive = "extractive";
    public const string OpenAi = "openai";

    /// <summary><c>extractive</c> (default, offline) or <c>openai</c> (any OpenAI-compatible endpoint: OpenAI, Azure OpenAI v1, Ollama, vLLM).</summary>
    [Required] public string Provider { get; set; } = Extractive;

    /// <summary>Base URL of the OpenAI-compatible API, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.</summary>
    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>From user-secrets or the environment (PolicyBot__Ai__Chat__ApiKey); never from appsettings.json.</summary>
    public string? ApiKey { get; set; }

    /// <summary>After this the extractive composer answers instead.</summary>
    [Range(1, 600)] public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries of a failed (429/5xx) request before falling back.</summary>
    [Range(0, 5)] public int MaxRetries { get; set; } = 1;

    /// <summary>Folder of prompt YAML files; relative paths resolve against the working directory, then the app folder.</summary>
    [Required] public string PromptsPath { get; set; } = "prompts";

    public bool UsesOpenAi => string.Equals(Provider, OpenAi, StringComparison.OrdinalIgnoreCase);
}
