using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyBot.Core.Evaluation;

/// <summary>One line of a question file (the format of dev-questions.jsonl).</summary>
public sealed record EvalQuestion(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("expected_measures")] IReadOnlyList<string>? ExpectedMeasures,
    [property: JsonPropertyName("must_contain")] IReadOnlyList<IReadOnlyList<string>>? MustContain,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("history")] IReadOnlyList<string>? History)
{
    public const string OutOfScope = "out_of_scope";

    public bool IsOutOfScope => Kind == OutOfScope;

    /// <summary>Reads a JSON Lines file; a malformed line is reported with its number.</summary>
    public static IReadOnlyList<EvalQuestion> ReadFile(string path)
    {
        var questions = new List<EvalQuestion>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                var question = JsonSerializer.Deserialize<EvalQuestion>(line)
                    ?? throw new JsonException("empty line");
                if (string.IsNullOrWhiteSpace(question.Question) || string.IsNullOrWhiteSpace(question.Kind))
                    throw new JsonException("'question' and 'kind' are required");
                questions.Add(question);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}, line {lineNumber}: not a valid question ({ex.Message}).", ex);
            }
        }
        return questions;
    }
}
