using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBench.Emulator.Delivery;
using ImageBench.Emulator.Faults;
using ImageBench.Emulator.Rendering;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Bfl;

/// <summary>POST /v1/{endpoint}: validates, fixes the job's future, starts rendering, answers {id, polling_url} at once.</summary>
internal sealed class BflSubmitEndpoint(
    EmulatorOptions options, EmulatorStats stats, CallPlanner planner, ImageFactory images,
    BflJobStore jobs, DeliveryStore delivery, Uri apiBase, FaultGate gate, ResponseWriter writer)
{
    /// <summary>FastAPI's {"detail"} for every status; the 429 in the skills-repo shape with retry_after.</summary>
    public static ErrorShape Errors(EmulatorOptions options, string model) => ErrorShape.Words((status, words) => status switch
    {
        429 => BflErrors.RateLimited(options.ProfileFor(model).Failures.RetryAfterSeconds * options.TimeScale),
        500 => BflErrors.Detail("Internal Server Error"),
        503 => BflErrors.Detail("Service Unavailable"),
        401 => BflErrors.Detail("Invalid API key"),
        402 => BflErrors.Detail("Insufficient credits"),
        _ => BflErrors.Detail(words),
    });

    /// <summary>Real sample URLs expire 10 minutes after the result is ready.</summary>
    public static readonly TimeSpan SampleLifetime = TimeSpan.FromMinutes(10);

    public async Task HandleAsync(HttpContext ctx, string endpoint)
    {
        if (!endpoint.StartsWith("flux", StringComparison.OrdinalIgnoreCase))
        {
            await ResponseWriter.JsonAsync(ctx, 404, BflErrors.Detail("Not Found")).ConfigureAwait(false);
            return;
        }
        bool hasKey = !string.IsNullOrEmpty(ctx.Request.Headers["x-key"]);
        stats.CountKey(hasKey);
        if (!hasKey && options.RequireKey)
        {
            await ResponseWriter.JsonAsync(ctx, 403, BflErrors.Detail("Not authenticated")).ConfigureAwait(false);
            return;
        }
        BflRequest? request;
        try
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body, default, ctx.RequestAborted).ConfigureAwait(false);
            (request, var error) = BflRequest.Parse(endpoint, doc.RootElement);
            if (error is not null)
            {
                await ResponseWriter.JsonAsync(ctx, 422, error).ConfigureAwait(false);
                return;
            }
        }
        catch (JsonException)
        {
            await ResponseWriter.JsonAsync(ctx, 422, BflErrors.Validation("body", "json_invalid", "JSON decode error", null)).ConfigureAwait(false);
            return;
        }
        await SubmitAsync(ctx, endpoint, request!).ConfigureAwait(false);
    }

    private async Task SubmitAsync(HttpContext ctx, string model, BflRequest request)
    {
        stats.CountBflSubmit(model, request.Prompt);
        var plan = planner.Next(model, request.Prompt);
        var profile = options.ProfileFor(model);
        if (!await gate.AdmitAsync(ctx, plan, Errors(options, model)).ConfigureAwait(false)) return;
        var id = new Guid(BitConverter.GetBytes(plan.Seed).Concat(BitConverter.GetBytes((ulong)plan.CallIndex ^ 0x9E3779B97F4A7C15UL)).ToArray()).ToString();
        var now = options.Time.GetUtcNow();
        string format = request.OutputFormat ?? profile.ImageFormat;
        // Rendering starts now, off the request thread, so the sample is ready when the job is.
        var image = plan.Refused
            ? Task.FromResult(new RenderedImage([], format, []))
            : images.RenderNextAsync(model, request.Prompt, request.Width, request.Height, format, 90);
        var job = new BflJob(id, model, request.Prompt, request.Seed ?? (long)(plan.Seed % 1_000_000_000_000UL),
            now, now + plan.ScaledLatency, plan.Refused, format, image);
        jobs.Add(job);
        if (!plan.Refused)
        {
            delivery.Add(id, new DeliveryEntry(image, job.FinishesAt, job.FinishesAt + SampleLifetime, model, request.Prompt));
        }
        var body = new JsonObject { ["id"] = id, ["polling_url"] = new Uri(apiBase, "v1/get_result?id=" + id).AbsoluteUri };
        await writer.JsonAnswerAsync(ctx, 200, body, plan.Planned).ConfigureAwait(false);
    }
}
