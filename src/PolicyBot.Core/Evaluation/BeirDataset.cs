using System.Text.Json;

namespace PolicyBot.Core.Evaluation;

/// <summary>A BEIR-format dataset: corpus.jsonl, queries.jsonl and qrels/&lt;split&gt;.tsv.</summary>
public sealed record BeirDataset(
    string Name,
    IReadOnlyList<BeirDocument> Corpus,
    IReadOnlyDictionary<string, string> Queries,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Qrels)
{
    public static BeirDataset Load(string folder, string split = "test")
    {
        var corpusPath = Path.Combine(folder, "corpus.jsonl");
        var queriesPath = Path.Combine(folder, "queries.jsonl");
        var qrelsPath = Path.Combine(folder, "qrels", split + ".tsv");
        foreach (var path in new[] { corpusPath, queriesPath, qrelsPath })
            if (!File.Exists(path)) throw new FileNotFoundException($"Not a BEIR folder: '{path}' is missing.", path);

        var corpus = ReadJsonLines(corpusPath, e => new BeirDocument(
            e.GetProperty("_id").GetString()!, e.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "", e.GetProperty("text").GetString() ?? ""));
        var qrels = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(qrelsPath).Skip(1))
        {
            var parts = line.Split('\t');
            if (parts.Length < 3 || !int.TryParse(parts[2], out var score)) continue;
            if (!qrels.TryGetValue(parts[0], out var judged)) qrels[parts[0]] = judged = new(StringComparer.Ordinal);
            judged[parts[1]] = score;
        }
        var queries = ReadJsonLines(queriesPath, e => (Id: e.GetProperty("_id").GetString()!, Text: e.GetProperty("text").GetString() ?? ""))
            .Where(q => qrels.ContainsKey(q.Id))
            .ToDictionary(q => q.Id, q => q.Text, StringComparer.Ordinal);
        return new BeirDataset(new DirectoryInfo(folder).Name, corpus,
            queries, qrels.Where(q => queries.ContainsKey(q.Key)).ToDictionary(q => q.Key, q => (IReadOnlyDictionary<string, int>)q.Value, StringComparer.Ordinal));
    }

    private static List<T> ReadJsonLines<T>(string path, Func<JsonElement, T> map)
    {
        var items = new List<T>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var json = JsonDocument.Parse(line);
                items.Add(map(json.RootElement));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new InvalidDataException($"{path}, line {number}: {ex.Message}", ex);
            }
        }
        return items;
    }
}

public sealed record BeirDocument(string Id, string Title, string Text);
