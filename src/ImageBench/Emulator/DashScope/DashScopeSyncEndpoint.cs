using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBench.Emulator.Faults;
using ImageBench.Emulator.Rendering;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.DashScope;

/// <summary>POST /api/v1/services/aigc/multimodal-generation/generation: the synchronous Qwen-Image path.</summary>
internal sealed class DashScopeSyncEndpoint(EmulatedCall call, CallPlanner planner, ImageFactory images, ResponseWriter writer)
{
    public async Task HandleAsync(HttpContext ctx)
    {
        if (!call.KeyAccepted(EmulatedCall.HasBearer(ctx)))
        {
            await ResponseWriter.JsonAsync(ctx, 401, DashScopeErrors.Body("InvalidApiKey", "No API-key provided.")).ConfigureAwait(false);
            return;
        }
        DashScopeRequest? request;
        try
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body, default, ctx.RequestAborted).ConfigureAwait(false);
            (request, var error) = DashScopeRequest.Parse(doc.RootElement, sync: true);
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
        call.Stats.CountGeneration(DashScopeSubmitEndpoint.Protocol, request!.Model);
        var plan = planner.Next(request.Model, request.Prompt);
        if (!await call.Gate.AdmitAsync(ctx, plan, DashScopeErrors.Errors).ConfigureAwait(false)) return;
        if (plan.Refused)
        {
            await call.DelayAsync(plan.ScaledLatency * 0.05, ctx.RequestAborted).ConfigureAwait(false);
            await ResponseWriter.JsonAsync(ctx, 400, DashScopeErrors.Body("DataInspectionFailed", "Input data may contain inappropriate content.")).ConfigureAwait(false);
            return;
        }
        var id = EmulatedCall.Id(plan, "dss-");
        var format = call.Options.ProfileFor(request.Model).ImageFormat;
        var image = images.RenderNextAsync(request.Model, request.Prompt, request.Width, request.Height, format, EmulatedCall.QualityFor(format));
        await call.DelayAsync(plan.ScaledLatency, ctx.RequestAborted).ConfigureAwait(false);
        var url = call.Publish(id, image, format, call.Options.Time.GetUtcNow(), DashScopeSubmitEndpoint.ResultLifetime, plan, request.Prompt);
        var body = new JsonObject
        {
            ["request_id"] = id,
            ["output"] = new JsonObject
            {
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["finish_reason"] = "stop",
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = new JsonArray(new JsonObject { ["image"] = url.AbsoluteUri }) },
                }),
            },
            ["usage"] = new JsonObject { ["width"] = request.Width, ["height"] = request.Height, ["image_count"] = 1 },
        };
        await writer.BodyAsync(ctx, System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json", plan.Planned).ConfigureAwait(false);
    }
}
