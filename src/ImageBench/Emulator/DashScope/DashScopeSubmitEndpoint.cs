using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBench.Emulator.Faults;
using ImageBench.Emulator.Rendering;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.DashScope;

/// <summary>
/// POST /api/v1/services/aigc/text2image/image-synthesis. Like the real service it refuses synchronous calls on
/// this path (X-DashScope-Async: enable is required), fixes the task's future, and answers PENDING at once.
/// </summary>
internal sealed class DashScopeSubmitEndpoint(EmulatedCall call, CallPlanner planner, ImageFactory images, DashScopeJobStore jobs, ResponseWriter writer)
{
    public const string Protocol = "dashscope";

    /// <summary>Task data and result URLs are kept 24 h.</summary>
    public static readonly TimeSpan ResultLifetime = TimeSpan.FromHours(24);

    public async Task HandleAsync(HttpContext ctx)
    {
        if (!call.KeyAccepted(EmulatedCall.HasBearer(ctx)))
        {
            await ResponseWriter.JsonAsync(ctx, 401, DashScopeErrors.Body("InvalidApiKey", "No API-key provided.")).ConfigureAwait(false);
            return;
        }
        if (!string.Equals(ctx.Request.Headers["X-DashScope-Async"], "enable", StringComparison.OrdinalIgnoreCase))
        {
            await ResponseWriter.JsonAsync(ctx, 403, DashScopeErrors.Body("AccessDenied", "current user api does not support synchronous calls")).ConfigureAwait(false);
            return;
        }
        DashScopeRequest? request;
        try
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body, default, ctx.RequestAborted).ConfigureAwait(false);
            (request, var error) = DashScopeRequest.Parse(doc.RootElement, sync: false);
            if (error is not null)
            {
                await ResponseWriter.JsonAsync(ctx, 400, error).ConfigureAwait(false);
                return;
            }
        }
        catch (JsonException)
        {
            await ResponseWriter.JsonAsync(ctx, 400, DashScopeErrors.Body("InvalidParameter", "The request body is not valid JSON.")).ConfigureAwait(false);
            return;
        }
        call.Stats.CountGeneration(Protocol, request!.Model);
        var plan = planner.Next(request.Model, request.Prompt);
        if (!await call.Gate.AdmitAsync(ctx, plan, DashScopeErrors.Errors).ConfigureAwait(false)) return;

        var id = EmulatedCall.Id(plan, "ds-");
        var now = call.Options.Time.GetUtcNow();
        var finishes = now + plan.ScaledLatency;
        var format = call.Options.ProfileFor(request.Model).ImageFormat;
        Task<RenderedImage>? image = null;
        Uri? url = null;
        if (!plan.Refused)
        {
            image = images.RenderNextAsync(request.Model, request.Prompt, request.Width, request.Height, format, EmulatedCall.QualityFor(format));
            url = call.Publish(id, image, format, finishes, ResultLifetime, plan, request.Prompt);
        }
        jobs.Add(new DashScopeJob(id, request.Model, request.Prompt, now, finishes, plan.Refused, url, image));
        await writer.JsonAnswerAsync(ctx, 200, new JsonObject
        {
            ["request_id"] = id + "-submit",
            ["output"] = new JsonObject { ["task_id"] = id, ["task_status"] = "PENDING" },
        }, plan.Planned).ConfigureAwait(false);
    }
}
