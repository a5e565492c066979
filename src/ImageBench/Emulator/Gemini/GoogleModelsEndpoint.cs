using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBench.Emulator.Faults;
using ImageBench.Emulator.Imagen;
using ImageBench.Emulator.Rendering;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Gemini;

/// <summary>
/// POST …/models/{model}:{method} for the Gemini API (/v1beta/models/…) and Vertex (/v1beta1/projects/…/publishers/google/models/…,
/// /v1/publishers/google/models/…). Synchronous: authenticate, validate, wait the emulated latency, answer.
/// ":generateContent" is Gemini, ":predict" is Imagen.
/// </summary>
internal sealed class GoogleModelsEndpoint(
    EmulatorOptions options, EmulatorStats stats, CallPlanner planner, ImageFactory images, FaultGate gate, ResponseWriter writer)
{
    public const string GeminiFamily = "gemini";
    public const string ImagenFamily = "imagen";

    private static readonly ErrorShape Errors = ErrorShape.Json((kind, status, words) => kind == FaultKind.NoCredit
        ? GoogleErrors.Envelope(429, "You exceeded your current quota, please check your plan and billing details.", "RESOURCE_EXHAUSTED")
        : GoogleErrors.ForFault(status, words)) with { NoCreditStatus = 429 };

    public async Task HandleAsync(HttpContext ctx, string target)
    {
        var colon = target.LastIndexOf(':');
        var (model, method) = colon > 0 ? (target[..colon], target[(colon + 1)..]) : (target, "");
        if (method is not ("generateContent" or "predict"))
        {
            await ResponseWriter.JsonAsync(ctx, 404, GoogleErrors.Envelope(404, $"Method '{method}' not found for model '{model}'.", "NOT_FOUND")).ConfigureAwait(false);
            return;
        }
        bool hasKey = GoogleAuth.HasCredential(ctx);
        stats.CountKey(hasKey);
        if (!hasKey && options.RequireKey)
        {
            await ResponseWriter.JsonAsync(ctx, 403, GoogleErrors.Unregistered()).ConfigureAwait(false);
            return;
        }
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(ctx.Request.Body, default, ctx.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            await ResponseWriter.JsonAsync(ctx, 400, GoogleErrors.Invalid("Invalid JSON payload received.")).ConfigureAwait(false);
            return;
        }
        using (doc)
        {
            if (method == "predict")
                await PredictAsync(ctx, model, doc.RootElement).ConfigureAwait(false);
            else
                await GenerateAsync(ctx, model, doc.RootElement).ConfigureAwait(false);
        }
    }

    private async Task GenerateAsync(HttpContext ctx, string model, JsonElement root)
    {
        var (request, error) = GeminiRequest.Parse(root);
        if (request is null)
        {
            await ResponseWriter.JsonAsync(ctx, 400, GoogleErrors.Invalid(error!)).ConfigureAwait(false);
            return;
        }
        stats.CountQueueSubmit(GeminiFamily, model);
        var plan = planner.Next(model, request.Prompt);
        var profile = options.ProfileFor(model);
        if (!await gate.AdmitAsync(ctx, plan, Errors).ConfigureAwait(false)) return;

        if (plan.Refused)
        {
            // Half the refused prompts are blocked on the way in (fast), half lose their image to the output filter.
            bool input = plan.Seed % 2 == 0;
            var latency = input ? plan.ScaledLatency * 0.05 : plan.ScaledLatency;
            await DelayAsync(latency, ctx.RequestAborted).ConfigureAwait(false);
            SetServerTiming(ctx, latency);
            await ResponseWriter.JsonAsync(ctx, 200, GeminiAnswers.Refusal(model, request.Prompt, input, plan.Seed)).ConfigureAwait(false);
            return;
        }

        var format = request.MimeType?["image/".Length..] ?? profile.ImageFormat;
        var render = request.WantsImage ? images.RenderNextAsync(model, request.Prompt, request.Width, request.Height, format, 90) : null;
        await DelayAsync(plan.ScaledLatency, ctx.RequestAborted).ConfigureAwait(false);
        var rendered = render is null ? null : await render.ConfigureAwait(false);
        SetServerTiming(ctx, plan.ScaledLatency);
        if (rendered is not null) RenderedTextHeader.Set(ctx.Response, rendered.Text);
        var body = GeminiAnswers.Success(model, request, rendered, plan.Seed);
        await writer.BodyAsync(ctx, Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json", plan.Planned).ConfigureAwait(false);
    }

    private async Task PredictAsync(HttpContext ctx, string model, JsonElement root)
    {
        var (request, error) = ImagenRequest.Parse(root);
        if (request is null)
        {
            await ResponseWriter.JsonAsync(ctx, 400, GoogleErrors.Invalid(error!)).ConfigureAwait(false);
            return;
        }
        stats.CountQueueSubmit(ImagenFamily, model);
        var plan = planner.Next(model, request.Prompt);
        var profile = options.ProfileFor(model);
        if (!await gate.AdmitAsync(ctx, plan, Errors).ConfigureAwait(false)) return;

        var format = request.MimeType?["image/".Length..] ?? profile.ImageFormat;
        var render = plan.Refused ? null : images.RenderNextAsync(model, request.Prompt, request.Width, request.Height, format, 90);
        await DelayAsync(plan.ScaledLatency, ctx.RequestAborted).ConfigureAwait(false);
        var rendered = render is null ? null : await render.ConfigureAwait(false);
        SetServerTiming(ctx, plan.ScaledLatency);
        if (rendered is not null) RenderedTextHeader.Set(ctx.Response, rendered.Text);
        var body = ImagenAnswers.Predictions(rendered, request.IncludeRaiReason);
        await writer.BodyAsync(ctx, Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json", plan.Planned).ConfigureAwait(false);
    }

    /// <summary>Google front ends time themselves in <c>server-timing: gfet4t7; dur=…</c> (recorded).</summary>
    private static void SetServerTiming(HttpContext ctx, TimeSpan latency) =>
        ctx.Response.Headers["server-timing"] = string.Create(CultureInfo.InvariantCulture, $"gfet4t7; dur={(long)latency.TotalMilliseconds}");

    private Task DelayAsync(TimeSpan delay, CancellationToken ct) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, options.Time, ct) : Task.CompletedTask;
}
