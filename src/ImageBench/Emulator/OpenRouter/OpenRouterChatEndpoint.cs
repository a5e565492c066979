using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBench.Emulator.Faults;
using ImageBench.Emulator.Rendering;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.OpenRouter;

/// <summary>
/// POST /api/v1/chat/completions with modalities ["image","text"]: answers after the emulated generation with the
/// image inline as a data: URL and usage.cost in USD, as OpenRouter does for Gemini image models. A refused
/// prompt gets a 200 without images and native_finish_reason IMAGE_SAFETY (Gemini's safety stop passed through).
/// </summary>
internal sealed class OpenRouterChatEndpoint(EmulatedCall call, CallPlanner planner, ImageFactory images, ResponseWriter writer)
{
    public const string Protocol = "openrouter";

    private static readonly ErrorShape Errors = ErrorShape.Words((status, words) =>
        Error(status, status == 402 ? "Insufficient credits. Add more using https://openrouter.ai/credits" : words));

    /// <summary>Gemini 2.5 Flash Image bills 1290 output tokens per 1024² image at $30 per million (EMULATED figure).</summary>
    private const int ImageTokens = 1290;
    private const decimal UsdPerImageToken = 30m / 1_000_000m;
    private const decimal UsdPerPromptToken = 0.3m / 1_000_000m;

    public async Task HandleAsync(HttpContext ctx)
    {
        if (!call.KeyAccepted(EmulatedCall.HasBearer(ctx)))
        {
            await ResponseWriter.JsonAsync(ctx, 401, Error(401, "No auth credentials found")).ConfigureAwait(false);
            return;
        }
        string? model;
        string? prompt;
        bool wantsImage;
        try
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body, default, ctx.RequestAborted).ConfigureAwait(false);
            (model, prompt, wantsImage) = Read(doc.RootElement);
        }
        catch (JsonException)
        {
            await ResponseWriter.JsonAsync(ctx, 400, Error(400, "Invalid JSON in request body")).ConfigureAwait(false);
            return;
        }
        if (string.IsNullOrEmpty(model) || string.IsNullOrEmpty(prompt))
        {
            await ResponseWriter.JsonAsync(ctx, 400, Error(400, string.IsNullOrEmpty(model) ? "model is required" : "messages must contain a user message")).ConfigureAwait(false);
            return;
        }
        call.Stats.CountGeneration(Protocol, model);
        var plan = planner.Next(model, prompt);
        if (!await call.Gate.AdmitAsync(ctx, plan, Errors).ConfigureAwait(false)) return;

        var format = call.Options.ProfileFor(model).ImageFormat;
        var render = wantsImage && !plan.Refused ? images.RenderNextAsync(model, prompt, 1024, 1024, format, EmulatedCall.QualityFor(format)) : null;
        await call.DelayAsync(plan.Refused ? plan.ScaledLatency * 0.3 : plan.ScaledLatency, ctx.RequestAborted).ConfigureAwait(false);
        var image = render is null ? null : await render.ConfigureAwait(false);
        var body = Completion(model, prompt, plan, image);
        if (image is not null) RenderedTextHeader.Set(ctx.Response, image.Text);
        await writer.BodyAsync(ctx, System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json", plan.Planned).ConfigureAwait(false);
    }

    private JsonObject Completion(string model, string prompt, CallPlan plan, RenderedImage? image)
    {
        var promptTokens = Math.Max(1, prompt.Length / 4);
        var imageTokens = image is null ? 0 : ImageTokens;
        var cost = (promptTokens * UsdPerPromptToken) + (imageTokens * UsdPerImageToken);
        var message = new JsonObject { ["role"] = "assistant", ["content"] = image is null && !plan.Refused ? "Here is a description instead of an image." : null, ["refusal"] = null };
        if (image is not null)
        {
            message["images"] = new JsonArray(new JsonObject
            {
                ["type"] = "image_url",
                ["image_url"] = new JsonObject { ["url"] = $"data:{image.ContentType};base64,{Convert.ToBase64String(image.Bytes)}" },
                ["index"] = 0,
            });
        }
        return new JsonObject
        {
            ["id"] = EmulatedCall.Id(plan, "gen-"),
            ["object"] = "chat.completion",
            ["created"] = call.Options.Time.GetUtcNow().ToUnixTimeSeconds(),
            ["model"] = model,
            ["provider"] = "Emulator",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["finish_reason"] = "stop",
                ["native_finish_reason"] = plan.Refused ? "IMAGE_SAFETY" : "STOP",
                ["message"] = message,
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = promptTokens,
                ["completion_tokens"] = imageTokens,
                ["total_tokens"] = promptTokens + imageTokens,
                ["cost"] = decimal.Round(cost, 8),
                ["is_byok"] = false,
                ["completion_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0, ["image_tokens"] = imageTokens },
            },
        };
    }

    private static (string? Model, string? Prompt, bool WantsImage) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return (null, null, false);
        var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        var wantsImage = root.TryGetProperty("modalities", out var mods) && mods.ValueKind == JsonValueKind.Array
                         && mods.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.String && x.GetString() == "image");
        string? prompt = null;
        if (root.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            foreach (var msg in messages.EnumerateArray())
            {
                if (msg.ValueKind != JsonValueKind.Object || !msg.TryGetProperty("role", out var role) || role.GetString() != "user"
                    || !msg.TryGetProperty("content", out var content)) continue;
                prompt = content.ValueKind == JsonValueKind.String
                    ? content.GetString()
                    : content.ValueKind == JsonValueKind.Array
                        ? string.Join("\n", content.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("text", out _)).Select(p => p.GetProperty("text").GetString()))
                        : null;
            }
        }
        return (model, prompt, wantsImage);
    }

    private static JsonObject Error(int code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["metadata"] = null } };
}
