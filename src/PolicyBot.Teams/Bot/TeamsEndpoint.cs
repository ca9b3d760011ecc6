using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyBot.Teams.Models;

namespace PolicyBot.Teams.Bot;

public static class TeamsEndpoint
{
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>POST /api/messages: Bot Framework activities, authenticated by the channel's JWT. Any auth failure is 401 with no detail.</summary>
    public static IEndpointConventionBuilder MapTeamsBot(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages") =>
        endpoints.MapPost(pattern, async (HttpContext http, ITeamsAuthenticator auth, TeamsActivityHandler handler, ILoggerFactory loggers) =>
        {
            var logger = loggers.CreateLogger("PolicyBot.Teams.Endpoint");
            if (http.Request.ContentLength > MaxBodyBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            Activity? activity;
            try
            {
                activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, BotJson.Options, http.RequestAborted);
            }
            catch (JsonException)
            {
                logger.BadRequest("malformed JSON");
                return Results.BadRequest();
            }
            if (activity is null || string.IsNullOrEmpty(activity.Type))
            {
                logger.BadRequest("not an activity");
                return Results.BadRequest();
            }
            if (!await auth.IsAuthenticAsync(http.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null, activity, http.RequestAborted))
            {
                logger.Unauthenticated();
                return Results.Unauthorized();
            }
            var invokeBody = await handler.HandleAsync(activity, http.RequestAborted);
            return invokeBody is null ? Results.Ok() : Results.Json(invokeBody);
        });
}
