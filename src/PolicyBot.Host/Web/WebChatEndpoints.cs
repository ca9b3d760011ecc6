using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using PolicyBot.Core.Conversations;
using PolicyBot.Core.Feedback;

namespace PolicyBot.Host.Web;

/// <summary>
/// The web chat: the page and its assets (served by the app, no CDN), POST /api/chat through the same conversation layer
/// as Discord and Teams, and POST /api/feedback.
/// </summary>
public static class WebChatEndpoints
{
    public const int MaxMessageLength = 4000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder endpoints)
    {
        foreach (var (path, file, type) in new[] { ("/", "index.html", "text/html; charset=utf-8"), ("/app.js", "app.js", "text/javascript; charset=utf-8"), ("/app.css", "app.css", "text/css; charset=utf-8") })
            endpoints.MapGet(path, () => Results.Stream(Asset(file), type));

        endpoints.MapPost("/api/chat", async Task<Results<JsonHttpResult<ChatReply>, BadRequest<ErrorBody>>> (ChatRequest? request, HttpContext http, ConversationService conversations, CancellationToken cancellationToken) =>
        {
            if (request is null || string.IsNullOrWhiteSpace(request.Message))
                return TypedResults.BadRequest(new ErrorBody("Send {\"conversationId\": \"...\", \"message\": \"...\"}."));
            if (request.Message.Length > MaxMessageLength)
                return TypedResults.BadRequest(new ErrorBody($"The message is too long ({request.Message.Length:N0} characters; at most {MaxMessageLength:N0})."));
            var conversation = string.IsNullOrWhiteSpace(request.ConversationId) ? Guid.NewGuid().ToString("N") : request.ConversationId.Trim();
            // Rate limits: the client's address is the user, the conversation id the channel.
            var user = $"web-user:{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
            var reply = await conversations.HandleAsync(new ChatTurn($"web:{conversation}", user, request.Message, Platform: "web"), cancellationToken);
            return TypedResults.Json(reply, Json);
        }).DisableAntiforgery();

        endpoints.MapPost("/api/feedback", async Task<Results<NoContent, BadRequest<ErrorBody>>> (FeedbackRequest? request, IFeedbackStore store, ReplyJournal journal, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (request is null || string.IsNullOrWhiteSpace(request.ReplyKey))
                return TypedResults.BadRequest(new ErrorBody("Send {\"replyKey\": \"...\", \"helpful\": true|false, \"reason\": \"...\"}."));
            var entry = journal.Find(request.ReplyKey);
            await store.AddAsync(new FeedbackRecord("web", entry?.ConversationId ?? "", "web-user", request.ReplyKey, request.Helpful,
                request.Reason is { Length: > 0 } r ? r[..Math.Min(r.Length, 1000)] : null, entry?.Question, entry?.Answer, entry?.CitedDocuments ?? [], time.GetUtcNow()), cancellationToken);
            return TypedResults.NoContent();
        }).DisableAntiforgery();
        return endpoints;
    }

    private static Stream Asset(string name) =>
        typeof(WebChatEndpoints).Assembly.GetManifestResourceStream($"PolicyBot.Host.Web.wwwroot.{name}")
            ?? throw new FileNotFoundException($"Embedded web asset {name} is missing.");

    public sealed record ChatRequest(string? ConversationId, string? Message);

    public sealed record FeedbackRequest(string? ReplyKey, bool Helpful, string? Reason);

    public sealed record ErrorBody(string Error);
}
