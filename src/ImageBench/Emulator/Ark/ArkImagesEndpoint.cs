using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBench.Emulator.Faults;
using ImageBench.Emulator.Rendering;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Ark;

/// <summary>
/// POST /api/v3/images/generations (Seedream on Ark). Synchronous; answers a signed URL on the delivery host
/// (TOS in reality, 24 h expiry) or b64_json, with usage.output_tokens = W×H/256 — the ratio both real
/// captures show (928×1152 → 4176, 3136×1312 → 16072). A refused prompt gets Ark's sensitive-content 400.
/// </summary>
internal sealed class ArkImagesEndpoint(EmulatedCall call, CallPlanner planner, ImageFactory images, ResponseWriter writer)
{
    public const string Protocol = "ark";
    private static readonly TimeSpan UrlLifetime = TimeSpan.FromHours(24);

    /// <summary>An overdue account is a 403 on Ark.</summary>
    private static readonly ErrorShape Errors = ErrorShape.Json((kind, status, words) => kind switch
    {
        FaultKind.InvalidKey => Error("AuthenticationError", "The API key in the request is missing or invalid."),
        FaultKind.NoCredit => Error("AccountOverdueError", "The request failed because your account has an overdue balance."),
        _ => Error(status == 429 ? "RateLimitExceeded.EndpointRPMExceeded" : "ServerOverloaded", words),
    }) with { NoCreditStatus = 403 };

    public async Task HandleAsync(HttpContext ctx)
    {
        if (!call.KeyAccepted(EmulatedCall.HasBearer(ctx)))
        {
            await ResponseWriter.JsonAsync(ctx, 401, Error("AuthenticationError", "The API key in the request is missing or invalid.")).ConfigureAwait(false);
            return;
        }
        string? model, prompt, size, responseFormat;
        try
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body, default, ctx.RequestAborted).ConfigureAwait(false);
            var root = doc.RootElement;
            model = Text(root, "model");
            prompt = Text(root, "prompt");
            size = Text(root, "size") ?? "2048x2048";
            responseFormat = Text(root, "response_format") ?? "url";
        }
        catch (JsonException)
        {
            await ResponseWriter.JsonAsync(ctx, 400, Error("InvalidParameter", "The request body is not valid JSON.")).ConfigureAwait(false);
            return;
        }
        if (string.IsNullOrEmpty(model) || string.IsNullOrEmpty(prompt))
        {
            await ResponseWriter.JsonAsync(ctx, 400, Error("MissingParameter", $"The request failed because it is missing one or multiple required parameters: {(model is null ? "model" : "prompt")}.")).ConfigureAwait(false);
            return;
        }
        if (ParseSize(size) is not { } pixels)
        {
            await ResponseWriter.JsonAsync(ctx, 400, Error("InvalidParameter", "size must be one of 'WIDTHxHEIGHT', '1k', '2k', '3k', or '4k'")).ConfigureAwait(false);
            return;
        }
        call.Stats.CountGeneration(Protocol, model);
        var plan = planner.Next(model, prompt);
        if (!await call.Gate.AdmitAsync(ctx, plan, Errors).ConfigureAwait(false)) return;
        ctx.Response.Headers["x-request-id"] = EmulatedCall.Id(plan, "ark-");
        if (plan.Refused)
        {
            await call.DelayAsync(plan.ScaledLatency * 0.05, ctx.RequestAborted).ConfigureAwait(false);
            await ResponseWriter.JsonAsync(ctx, 400, Error("InputTextSensitiveContentDetected", "The request failed because the input text may contain sensitive information.")).ConfigureAwait(false);
            return;
        }
        var format = call.Options.ProfileFor(model).ImageFormat;
        var render = images.RenderNextAsync(model, prompt, pixels.Width, pixels.Height, format, EmulatedCall.QualityFor(format));
        await call.DelayAsync(plan.ScaledLatency, ctx.RequestAborted).ConfigureAwait(false);
        var image = await render.ConfigureAwait(false);
        var now = call.Options.Time.GetUtcNow();
        var item = new JsonObject();
        if (responseFormat == "b64_json") item["b64_json"] = Convert.ToBase64String(image.Bytes);
        else item["url"] = call.Publish(EmulatedCall.Id(plan, "ark-"), Task.FromResult(image), format, now, UrlLifetime, plan, prompt).AbsoluteUri;
        item["size"] = string.Create(CultureInfo.InvariantCulture, $"{pixels.Width}x{pixels.Height}");
        long tokens = (long)pixels.Width * pixels.Height / 256;
        var body = new JsonObject
        {
            ["model"] = model,
            ["created"] = now.ToUnixTimeSeconds(),
            ["data"] = new JsonArray(item),
            ["usage"] = new JsonObject { ["generated_images"] = 1, ["output_tokens"] = tokens, ["total_tokens"] = tokens },
        };
        RenderedTextHeader.Set(ctx.Response, image.Text);
        await writer.BodyAsync(ctx, System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json", plan.Planned).ConfigureAwait(false);
    }

    /// <summary>"WxH" (each side 256..4096) or a tier: 1K/2K/3K/4K as a square.</summary>
    internal static (int Width, int Height)? ParseSize(string size)
    {
        var tier = size.ToUpperInvariant() switch { "1K" => 1024, "2K" => 2048, "3K" => 3072, "4K" => 4096, _ => 0 };
        if (tier > 0) return (tier, tier);
        var parts = size.Split('x');
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var w) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var h)
               && w is >= 256 and <= 4096 && h is >= 256 and <= 4096
            ? (w, h)
            : null;
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static JsonObject Error(string code, string message) => new()
    {
        ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["param"] = "", ["type"] = "BadRequest" },
    };
}
