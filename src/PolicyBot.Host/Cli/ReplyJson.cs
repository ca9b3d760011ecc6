using System.Text.Json.Serialization;
using PolicyBot.Core.Conversations;

namespace PolicyBot.Host.Cli;

/// <summary>
/// The <c>--json</c> shape of latest / timeline / compare / upcoming:
/// <c>{"kind", "text", "items": [...], "table": {"columns", "rows": [{"cells": [{"text", "citation"}]}]} or null, "citations": [...], "notice"}</c>.
/// A cell's or item's <c>citation</c> is the <c>n</c> of an entry in <c>citations</c>, or null for "not found in the documents".
/// </summary>
internal sealed record ReplyJson(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("items")] IReadOnlyList<ItemJson> Items,
    [property: JsonPropertyName("table"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] TableJson? Table,
    [property: JsonPropertyName("citations")] IReadOnlyList<ReplyCitationJson> Citations,
    [property: JsonPropertyName("notice")] string? Notice)
{
    public static ReplyJson From(ChatReply reply) => new(
        reply.Kind.ToString().ToLowerInvariant(),
        reply.Text,
        reply.Items.Select(i => new ItemJson(i.DocumentId, i.Title, i.Jurisdiction, i.Announced, i.Effective, i.Status, i.Url, i.Date, i.Summary, i.Notes, i.Citation)).ToList(),
        reply.Table is { } t ? new TableJson(t.Columns, t.Rows.Select(r => new RowJson(r.Cells.Select(c => new CellJson(c.Text, c.Citation)).ToList())).ToList()) : null,
        reply.Citations.Select(c => new ReplyCitationJson(c.Number, c.DocumentId, c.PassageId, c.Title, c.Jurisdiction, c.Announced, c.Effective, c.Url, c.Quote)).ToList(),
        reply.Notice);
}

internal sealed record ItemJson(
    [property: JsonPropertyName("documentId")] string DocumentId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("jurisdiction")] string? Jurisdiction,
    [property: JsonPropertyName("announced")] string? Announced,
    [property: JsonPropertyName("effective")] string? Effective,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("date")] string? Date,
    [property: JsonPropertyName("summary")] string? Summary,
    [property: JsonPropertyName("notes")] IReadOnlyList<string> Notes,
    [property: JsonPropertyName("citation"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Citation);

internal sealed record TableJson(
    [property: JsonPropertyName("columns")] IReadOnlyList<string> Columns,
    [property: JsonPropertyName("rows")] IReadOnlyList<RowJson> Rows);

internal sealed record RowJson([property: JsonPropertyName("cells")] IReadOnlyList<CellJson> Cells);

/// <param name="Citation">Null when the cell says "not found in the documents".</param>
internal sealed record CellJson(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("citation"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Citation);

internal sealed record ReplyCitationJson(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("documentId")] string DocumentId,
    [property: JsonPropertyName("passageId")] string PassageId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("jurisdiction")] string? Jurisdiction,
    [property: JsonPropertyName("announced")] string? Announced,
    [property: JsonPropertyName("effective")] string? Effective,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("quote")] string Quote);
