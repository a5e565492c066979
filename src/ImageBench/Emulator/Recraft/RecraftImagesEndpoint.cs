using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBench.Emulator.Faults;
using ImageBench.Emulator.Rendering;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Recraft;

/// <summary>
/// Recraft's OpenAI-compatible POST /v1/images/generations, served under /recraft/ because the bare path is
/// OpenAI's here (catalog base_url for the emulator: http://127.0.0.1:PORT/recraft/). Answers
/// {created, credits, data:[{url, image_id}]}; credits are API units (1,000 per USD), 40 per raster image.
/// </summary>
internal sealed class RecraftImagesEndpoint(EmulatedCall call, CallPlanner planner, ImageFactory images, ResponseWriter writer)
{
    public const string Protocol = "recraft";
    public const string PathPrefix = "/recraft";

    /// <summary>recraftv3 raster: $0.04 per image = 40 units (EMULATED figure, from Recraft's price list).</summary>
    private const int CreditsPerImage = 40;
    private static readonly TimeSpan UrlLifetime = TimeSpan.FromHours(24);

    private static readonly ErrorShape Errors = ErrorShape.Words((status, words) => Error(status switch
    {
        429 => "rate_limit",
        401 => "unauthorized",
        402 => "not_enough_credits",
        _ => "internal_error",
    }, words));

    public async Task HandleAsync(HttpContext ctx)
    {
        if (!call.KeyAccepted(EmulatedCall.HasBearer(ctx)))
        {
            await ResponseWriter.JsonAsync(ctx, 401, Error("unauthorized", "Missing or invalid token")).ConfigureAwait(false);
            return;
        }
        string? model, prompt, size;
        try
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body, default, ctx.RequestAborted).ConfigureAwait(false);
            model = Text(doc.RootElement, "model") ?? "recraftv3";
            prompt = Text(doc.RootElement, "prompt");
            size = Text(doc.RootElement, "size") ?? "1024x1024";
        }
        catch (JsonException)
        {
            await ResponseWriter.JsonAsync(ctx, 400, Error("invalid_json", "Request body is not valid JSON")).ConfigureAwait(false);
            return;
        }
        var parts = size.Split('x');
        if (string.IsNullOrEmpty(prompt) || parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var height) || width is < 256 or > 2048 || height is < 256 or > 2048)
        {
            await ResponseWriter.JsonAsync(ctx, 400, Error("invalid_request", string.IsNullOrEmpty(prompt) ? "prompt is required" : $"invalid size '{size}'")).ConfigureAwait(false);
            return;
        }
        call.Stats.CountGeneration(Protocol, model);
        var plan = planner.Next(model, prompt);
        if (!await call.Gate.AdmitAsync(ctx, plan, Errors).ConfigureAwait(false)) return;
        if (plan.Refused)
        {
            await call.DelayAsync(plan.ScaledLatency * 0.05, ctx.RequestAborted).ConfigureAwait(false);
            await ResponseWriter.JsonAsync(ctx, 400, Error("inappropriate_content", "The prompt was flagged by content moderation")).ConfigureAwait(false);
            return;
        }
        var format = call.Options.ProfileFor(model).ImageFormat;
        var render = images.RenderNextAsync(model, prompt, width, height, format, EmulatedCall.QualityFor(format));
        await call.DelayAsync(plan.ScaledLatency, ctx.RequestAborted).ConfigureAwait(false);
        var image = await render.ConfigureAwait(false);
        var now = call.Options.Time.GetUtcNow();
        var id = EmulatedCall.Id(plan, "rc-");
        var url = call.Publish(id, Task.FromResult(image), format, now, UrlLifetime, plan, prompt);
        var body = new JsonObject
        {
            ["created"] = now.ToUnixTimeSeconds(),
            ["credits"] = CreditsPerImage,
            ["data"] = new JsonArray(new JsonObject { ["url"] = url.AbsoluteUri, ["image_id"] = id }),
        };
        RenderedTextHeader.Set(ctx.Response, image.Text);
        await writer.BodyAsync(ctx, System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json", plan.Planned).ConfigureAwait(false);
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static JsonObject Error(string code, string message) => new() { ["code"] = code, ["message"] = message };
}
