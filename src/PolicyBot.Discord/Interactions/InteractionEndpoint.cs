using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Discord.Models;

namespace PolicyBot.Discord.Interactions;

/// <summary>
/// POST handler for Discord's HTTP interactions: 413 body too large, 401 signature or timestamp not accepted,
/// 400 signed body that is not an interaction or has a type PolicyBot does not handle (AUTOCOMPLETE), else 200 with the
/// response chosen by <see cref="InteractionDispatcher"/>. Error responses have an empty body.
/// </summary>
internal sealed class InteractionEndpoint(
    InteractionSignatureVerifier verifier,
    InteractionDispatcher dispatcher,
    IOptions<DiscordInteractionOptions> options,
    IOptions<DiscordOptions> discordOptions,
    ILogger<InteractionEndpoint> logger)
{
    public const string SignatureHeader = "X-Signature-Ed25519", TimestampHeader = "X-Signature-Timestamp";

    private readonly int _maxBodyBytes = options.Value.MaxBodyBytes;
    private readonly string? _applicationId = discordOptions.Value.ApplicationId;

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await HandleCoreAsync(context);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            logger.RequestAborted();
        }
    }

    private async Task HandleCoreAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        Interaction? interaction;
        using (var body = await RequestBody.ReadAsync(context.Request, _maxBodyBytes, aborted))
        {
            if (body is null)
            {
                logger.RequestTooLarge(_maxBodyBytes);
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            var headers = context.Request.Headers;
            var verdict = verifier.Check(SingleValue(headers, SignatureHeader), SingleValue(headers, TimestampHeader), body.Span);
            if (verdict != SignatureVerdict.Valid)
            {
                logger.RequestUnauthorized(verdict);
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            interaction = InteractionJson.TryParse(body.Span, _applicationId);
        }

        if (interaction is null)
        {
            logger.RequestMalformed();
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!await dispatcher.DispatchAsync(interaction, (response, ct) => WriteAsync(context.Response, response, ct), aborted))
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private static string? SingleValue(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    private static async Task WriteAsync(HttpResponse response, InteractionResponse interactionResponse, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(interactionResponse, DiscordJson.Options);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = json.Length;
        await response.Body.WriteAsync(json, cancellationToken);
        // Flush now: a deferred answer's follow-up edit must not overtake this response.
        await response.CompleteAsync();
    }
}
