namespace PolicyBot.Host.Server;

/// <summary>
/// Caps the request bodies of the public POST endpoints: the whole body is read into memory up to the endpoint's limit before
/// the endpoint runs, so a body over it (declared or streamed without a length) is a 413 with no work done. The rest of a
/// rejected body is drained by Kestrel (bounded by its own limit and drain timeout), so the client reads the 413 rather than a reset.
/// </summary>
public static class RequestBodyLimits
{
    public const int ChatBytes = 64 * 1024, PlatformBytes = 256 * 1024;

    /// <summary>The limit for a path, or null for the endpoints that take no body.</summary>
    public static int? For(PathString path) =>
        path.StartsWithSegments("/api/chat") || path.StartsWithSegments("/api/feedback") ? ChatBytes
        : path.StartsWithSegments("/api/messages") || path.StartsWithSegments("/discord") ? PlatformBytes
        : null;

    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsPost(context.Request.Method) || For(context.Request.Path) is not { } limit)
        {
            await next(context);
            return;
        }
        if (context.Request.ContentLength > limit || await BufferAsync(context, limit) is not { } body)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.Response.WriteAsJsonAsync(new { error = $"The request body is too large (at most {limit / 1024} KB)." });
            return;
        }
        context.Request.Body = body;
        context.Request.ContentLength = body.Length;
        await next(context);
    });

    private static async Task<MemoryStream?> BufferAsync(HttpContext context, int limit)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        buffer.Position = 0;
        return buffer;
    }
}
