using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Faults;

/// <summary>
/// Writes an answer honestly or broken the way the planned fault says: after the work was accepted, a reset, a 504
/// page or a hang instead of the answer, or a slow, cut-off or corrupted body. Every protocol's answers go through
/// here, so each fault is written once.
/// </summary>
internal sealed class ResponseWriter(EmulatorOptions options, EmulatorStats stats, CancellationToken stopping)
{
    /// <summary>Unscaled time a slow body takes to trickle out.</summary>
    private static readonly TimeSpan SlowBodyDuration = TimeSpan.FromSeconds(5);
    private const int SlowBodyChunks = 20;

    /// <summary>
    /// Real APIs send base64 and prompts unescaped; System.Text.Json's default encoder would turn every '+' of a
    /// base64 image into "\u002B", making bodies larger and slower to write and parse than the real ones.
    /// </summary>
    public static readonly System.Text.Json.JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Utf8(JsonNode body) => Encoding.UTF8.GetBytes(body.ToJsonString(Json));

    public static Task JsonAsync(HttpContext ctx, int status, JsonNode body) =>
        WriteAsync(ctx, status, Utf8(body), "application/json");

    /// <summary>A 200 answer, broken by <paramref name="fault"/> when it is one of the after-acceptance kinds.</summary>
    public Task BodyAsync(HttpContext ctx, byte[] body, string contentType, PlannedFault fault) =>
        AnswerAsync(ctx, 200, body, contentType, fault);

    public Task JsonAnswerAsync(HttpContext ctx, int status, JsonNode body, PlannedFault fault) =>
        AnswerAsync(ctx, status, Utf8(body), "application/json", fault);

    public Task AnswerAsync(HttpContext ctx, int status, byte[] body, string contentType, PlannedFault fault)
    {
        if (fault.Kind == FaultKind.None || FaultKinds.Of(fault.Kind).Timing is not (FaultTiming.Breaks or FaultTiming.Body))
            return WriteAsync(ctx, status, body, contentType);
        var corrupted = fault.Kind switch
        {
            FaultKind.EmptyJson => BodyCorruption.Empty(),
            FaultKind.WrongTypes => BodyCorruption.WrongTypes(body),
            FaultKind.BadBase64 => BodyCorruption.BadBase64(body),
            FaultKind.NotImage => contentType.StartsWith("image/", StringComparison.Ordinal) ? FaultPages.NotAnImage : BodyCorruption.NotImage(body),
            _ => body,
        };
        if (corrupted is null)
            return WriteAsync(ctx, status, body, contentType); // Nothing to break in this answer (e.g. no inline image).
        stats.CountFault(fault);
        return fault.Kind switch
        {
            FaultKind.ResetBeforeHeaders => Reset(ctx),
            FaultKind.GatewayTimeoutHtml => WriteAsync(ctx, 504, FaultPages.Gateway(504, "Gateway Time-out"), "text/html"),
            FaultKind.Hang => UntilClientLeavesAsync(ctx),
            FaultKind.SlowBody => SlowAsync(ctx, status, body, contentType),
            FaultKind.TruncatedBody => CutAsync(ctx, status, body, contentType, reset: false),
            FaultKind.ResetMidBody => CutAsync(ctx, status, body, contentType, reset: true),
            // Keeps the promised Content-Type: the point is a client that trusts headers over bytes.
            FaultKind.GarbageBody => WriteAsync(ctx, status, FaultPages.EnvoyText, contentType),
            FaultKind.HtmlOn200 => WriteAsync(ctx, 200, FaultPages.Challenge, "text/html; charset=UTF-8"),
            FaultKind.EmptyJson or FaultKind.WrongTypes => WriteAsync(ctx, status, corrupted, "application/json"),
            _ => WriteAsync(ctx, status, corrupted, contentType),
        };
    }

    public static async Task WriteAsync(HttpContext ctx, int status, byte[] body, string contentType)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = body.Length;
        await ctx.Response.Body.WriteAsync(body, ctx.RequestAborted).ConfigureAwait(false);
    }

    private static Task Reset(HttpContext ctx)
    {
        ConnectionCut.Reset(ctx);
        return Task.CompletedTask;
    }

    /// <summary>Waits until the client gives up or hangs up (or the server stops), then drops the connection.</summary>
    private async Task UntilClientLeavesAsync(HttpContext ctx)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, stopping);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, options.Time, either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            ctx.Abort();
        }
    }

    private async Task SlowAsync(HttpContext ctx, int status, byte[] body, string contentType)
    {
        ctx.Response.StatusCode = status;
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

    /// <summary>Promises the whole body, sends half, then closes (truncated) or resets (reset mid-body) the connection.</summary>
    private async Task CutAsync(HttpContext ctx, int status, byte[] body, string contentType, bool reset)
    {
        if (!ConnectionCut.SendHalf(ctx, status, body, contentType, reset))
        {
            ctx.Response.StatusCode = status;
            ctx.Response.ContentType = contentType;
            ctx.Response.ContentLength = body.Length;
            await ctx.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), ctx.RequestAborted).ConfigureAwait(false);
            await ctx.Response.Body.FlushAsync(ctx.RequestAborted).ConfigureAwait(false);
            ctx.Abort();
            return;
        }
        // After a FIN, until the client has read the end of the stream and hung up: an abort now would reset unread bytes.
        if (!reset) await UntilClientLeavesAsync(ctx).ConfigureAwait(false);
    }
}
