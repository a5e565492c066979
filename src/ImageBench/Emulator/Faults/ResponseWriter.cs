using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Faults;

/// <summary>Writes a response body, honestly or with the body fault the call plan asked for.</summary>
internal sealed class ResponseWriter(EmulatorOptions options, EmulatorStats stats)
{
    /// <summary>Unscaled time a slow body takes to trickle out.</summary>
    private static readonly TimeSpan SlowBodyDuration = TimeSpan.FromSeconds(5);
    private const int SlowBodyChunks = 20;

    private static readonly byte[] Garbage = Encoding.UTF8.GetBytes(
        "upstream connect error or disconnect/reset before headers. reset reason: connection termination");

    /// <summary>
    /// Real APIs send base64 and prompts unescaped; System.Text.Json's default encoder would turn every '+' of a
    /// base64 image into "\u002B", making bodies larger and slower to write and parse than the real ones.
    /// </summary>
    public static readonly System.Text.Json.JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Utf8(JsonNode body) => Encoding.UTF8.GetBytes(body.ToJsonString(Json));

    public static Task JsonAsync(HttpContext ctx, int status, JsonNode body) =>
        WriteAsync(ctx, status, Utf8(body), "application/json");

    public Task BodyAsync(HttpContext ctx, byte[] body, string contentType, FaultKind fault)
    {
        switch (fault)
        {
            case FaultKind.SlowBody:
                stats.CountInjectedFailure();
                return SlowAsync(ctx, body, contentType);
            case FaultKind.TruncatedBody:
                stats.CountInjectedFailure();
                return TruncatedAsync(ctx, body, contentType);
            case FaultKind.GarbageBody:
                stats.CountInjectedFailure();
                // Keeps the promised Content-Type: the point is a client that trusts headers over bytes.
                return WriteAsync(ctx, 200, Garbage, contentType);
            default:
                return WriteAsync(ctx, 200, body, contentType);
        }
    }

    private static async Task WriteAsync(HttpContext ctx, int status, byte[] body, string contentType)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = body.Length;
        await ctx.Response.Body.WriteAsync(body, ctx.RequestAborted).ConfigureAwait(false);
    }

    private async Task SlowAsync(HttpContext ctx, byte[] body, string contentType)
    {
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = body.Length;
        await ctx.Response.StartAsync(ctx.RequestAborted).ConfigureAwait(false);
        var pause = SlowBodyDuration * options.TimeScale / SlowBodyChunks;
        int chunk = (body.Length + SlowBodyChunks - 1) / SlowBodyChunks;
        for (int offset = 0; offset < body.Length; offset += chunk)
        {
            await ctx.Response.Body.WriteAsync(body.AsMemory(offset, Math.Min(chunk, body.Length - offset)), ctx.RequestAborted).ConfigureAwait(false);
            await ctx.Response.Body.FlushAsync(ctx.RequestAborted).ConfigureAwait(false);
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, options.Time, ctx.RequestAborted).ConfigureAwait(false);
            }
        }
    }

    private static async Task TruncatedAsync(HttpContext ctx, byte[] body, string contentType)
    {
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = body.Length;
        await ctx.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), ctx.RequestAborted).ConfigureAwait(false);
        await ctx.Response.Body.FlushAsync(ctx.RequestAborted).ConfigureAwait(false);
        ctx.Abort();
    }
}
