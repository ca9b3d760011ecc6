using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PolicyBot.Tests;

namespace PolicyBot.Host.Tests.Server;

/// <summary>A loopback Discord REST API answering the calls the bot makes, in Discord's wire format.</summary>
public static class FakeDiscordRest
{
    public static Task<LoopbackServer> StartAsync(Action<RecordedRequest>? onRequest = null) => LoopbackServer.StartAsync(async (context, body) =>
    {
        var path = context.Request.Path.Value ?? "";
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);   // api, v10, ...
        context.Response.ContentType = "application/json";
        if (context.Request.Method == "POST" && parts is [_, _, "channels", var channel, "messages", var message, "threads"])
            await context.Response.WriteAsync(new JsonObject { ["id"] = message, ["type"] = 11, ["guild_id"] = "g1", ["parent_id"] = channel, ["name"] = "thread" }.ToJsonString());
        else if (context.Request.Method == "POST" && parts is [_, _, "channels", var target, "messages"])
            await context.Response.WriteAsync(new JsonObject { ["id"] = Random.Shared.NextInt64(1, long.MaxValue).ToString(), ["channel_id"] = target, ["content"] = "" }.ToJsonString());
        else if (parts is [_, _, "interactions", _, _, "callback"])
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        else if (context.Request.Method == "PATCH" && parts is [_, _, "webhooks", _, _, "messages", "@original"])
            await context.Response.WriteAsync(new JsonObject { ["id"] = "777", ["channel_id"] = "c1", ["content"] = "" }.ToJsonString());
        else
            context.Response.StatusCode = StatusCodes.Status404NotFound;
    });
}
