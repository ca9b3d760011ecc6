using System.Text.Json;
using Microsoft.SemanticKernel;
using YamlDotNet.Serialization;

namespace PolicyBot.Ai.SemanticKernel;

/// <summary>Loads Semantic Kernel prompt files (YAML with declared input variables) from the prompts folder.</summary>
public sealed class PromptLibrary
{
    public const string AnswerPrompt = "answer-with-citations";

    private readonly string _folder;

    public PromptLibrary(string configuredPath)
    {
        _folder = Locate(configuredPath)
            ?? throw new DirectoryNotFoundException($"Prompt folder '{configuredPath}' was not found (set PolicyBot:Ai:Chat:PromptsPath).");
    }

    public string Folder => _folder;

    public PromptTemplateConfig Load(string name)
    {
        var path = Path.Combine(_folder, name + ".yaml");
        if (!File.Exists(path)) throw new FileNotFoundException($"Prompt file '{path}' is missing.", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>YAML → JSON → <see cref="PromptTemplateConfig"/>: the YAML keys are Semantic Kernel's own (template_format, input_variables, ...).</summary>
    public static PromptTemplateConfig Parse(string yaml, string origin)
    {
        try
        {
            var graph = new DeserializerBuilder().Build().Deserialize<object>(yaml)
                ?? throw new InvalidDataException("the file is empty");
            var json = JsonSerializer.Serialize(Normalise(graph));
            var config = PromptTemplateConfig.FromJson(json);
            if (string.IsNullOrWhiteSpace(config.Template)) throw new InvalidDataException("it has no template");
            return config;
        }
        catch (Exception ex) when (ex is YamlDotNet.Core.YamlException or JsonException or ArgumentException or InvalidDataException)
        {
            throw new InvalidDataException($"Prompt file '{origin}' is not a valid prompt: {ex.Message}", ex);
        }
    }

    // YamlDotNet yields Dictionary<object, object> with string scalars. JSON needs string keys, and the settings and flags
    // need real numbers and booleans; template text stays a string even when it looks like a number.
    private static object? Normalise(object? node, bool typedScalars = false) => node switch
    {
        IDictionary<object, object> map => map.ToDictionary(
            kv => kv.Key.ToString()!,
            kv => Normalise(kv.Value, typedScalars || kv.Key.ToString() is "execution_settings" or "is_required" or "allow_dangerously_set_content")),
        IList<object> list => list.Select(item => Normalise(item, typedScalars)).ToList(),
        string s when typedScalars && bool.TryParse(s, out var b) => b,
        string s when typedScalars && double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) => d,
        _ => node,
    };

    private static string? Locate(string configured)
    {
        if (Path.IsPathRooted(configured)) return Directory.Exists(configured) ? configured : null;
        foreach (var root in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var candidate = Path.GetFullPath(Path.Combine(root, configured));
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
