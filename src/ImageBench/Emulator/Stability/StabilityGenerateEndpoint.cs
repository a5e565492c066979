using System.Globalization;
using System.Text.Json.Nodes;
using ImageBench.Emulator.Faults;
using ImageBench.Emulator.Rendering;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Stability;

/// <summary>
/// POST /v2beta/stable-image/generate/{ultra|core|sd3}: multipart only. Accept: image/* answers the raw image
/// with finish-reason and seed headers; Accept: application/json answers {image, finish_reason, seed}.
/// A refused prompt gets the documented 403 content_moderation error.
/// </summary>
internal sealed class StabilityGenerateEndpoint(EmulatedCall call, CallPlanner planner, ImageFactory images, ResponseWriter writer)
{
    public const string Protocol = "stability";
    private static readonly string[] Modes = ["ultra", "core", "sd3"];

    private static readonly ErrorShape Errors = ErrorShape.Words((status, words) => Error(status switch
    {
        429 => "rate_limit_exceeded",
        401 => "unauthorized",
        402 => "payment_required",
        _ => "internal_error",
    }, status == 402 ? "You lack sufficient credits to make this request. Please purchase more credits." : words));

    public async Task HandleAsync(HttpContext ctx, string mode)
    {
        if (!Modes.Contains(mode))
        {
            await ResponseWriter.JsonAsync(ctx, 404, Error("not_found", $"no generation mode '{mode}'")).ConfigureAwait(false);
            return;
        }
        if (!call.KeyAccepted(EmulatedCall.HasBearer(ctx)))
        {
            await ResponseWriter.JsonAsync(ctx, 401, Error("unauthorized", "Missing Authorization header")).ConfigureAwait(false);
            return;
        }
        if (!ctx.Request.HasFormContentType)
        {
            await ResponseWriter.JsonAsync(ctx, 400, Error("bad_request", "content-type: must be multipart/form-data")).ConfigureAwait(false);
            return;
        }
        var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false);
        string prompt = form["prompt"].ToString();
        string ratio = form.TryGetValue("aspect_ratio", out var r) ? r.ToString() : "1:1";
        string format = form.TryGetValue("output_format", out var f) ? f.ToString() : "png";
        // sd3 names its model in a field; ultra and core are the model.
        string model = mode == "sd3" ? (form.TryGetValue("model", out var m) ? m.ToString() : "sd3.5-large") : "stable-image-" + mode;
        if (prompt.Length == 0 || format is not ("png" or "jpeg" or "webp") || Dimensions(ratio) is not { } size)
        {
            var what = prompt.Length == 0 ? "prompt: is required" : format is not ("png" or "jpeg" or "webp") ? "output_format: must be one of png, jpeg, webp" : "aspect_ratio: invalid";
            await ResponseWriter.JsonAsync(ctx, 400, Error("bad_request", what)).ConfigureAwait(false);
            return;
        }
        call.Stats.CountGeneration(Protocol, model);
        var plan = planner.Next(model, prompt);
        if (!await call.Gate.AdmitAsync(ctx, plan, Errors).ConfigureAwait(false)) return;
        ctx.Response.Headers["x-request-id"] = EmulatedCall.Id(plan, "stab-");
        if (plan.Refused)
        {
            await call.DelayAsync(plan.ScaledLatency * 0.05, ctx.RequestAborted).ConfigureAwait(false);
            await ResponseWriter.JsonAsync(ctx, 403, Error("content_moderation",
                "Your request was flagged by our content moderation system, as a result your request was denied and you were not charged.")).ConfigureAwait(false);
            return;
        }
        var render = images.RenderNextAsync(model, prompt, size.Width, size.Height, format, EmulatedCall.QualityFor(format));
        await call.DelayAsync(plan.ScaledLatency, ctx.RequestAborted).ConfigureAwait(false);
        var image = await render.ConfigureAwait(false);
        string seed = (plan.Seed % 4_294_967_294UL).ToString(CultureInfo.InvariantCulture);
        RenderedTextHeader.Set(ctx.Response, image.Text);
        if (ctx.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            var body = new JsonObject { ["image"] = Convert.ToBase64String(image.Bytes), ["finish_reason"] = "SUCCESS", ["seed"] = long.Parse(seed, CultureInfo.InvariantCulture) };
            await writer.BodyAsync(ctx, System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json", plan.Planned).ConfigureAwait(false);
            return;
        }
        ctx.Response.Headers["finish-reason"] = "SUCCESS";
        ctx.Response.Headers["seed"] = seed;
        await writer.BodyAsync(ctx, image.Bytes, image.ContentType, plan.Planned).ConfigureAwait(false);
    }

    /// <summary>About one megapixel at the requested ratio, sides rounded to 64 (Stable Image's output grid).</summary>
    internal static (int Width, int Height)? Dimensions(string ratio)
    {
        var parts = ratio.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var a) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var b)
            || a is < 1 or > 21 || b is < 1 or > 21) return null;
        double scale = Math.Sqrt(1024.0 * 1024 / (a * b));
        return ((int)Math.Round(a * scale / 64) * 64, (int)Math.Round(b * scale / 64) * 64);
    }

    private static JsonObject Error(string name, string message) => new()
    {
        ["id"] = Guid.NewGuid().ToString("N"),
        ["name"] = name,
        ["errors"] = new JsonArray(message),
    };
}
