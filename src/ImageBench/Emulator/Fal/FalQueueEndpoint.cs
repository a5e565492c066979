using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBench.Emulator.Delivery;
using ImageBench.Emulator.Faults;
using ImageBench.Emulator.Jobs;
using ImageBench.Emulator.Rendering;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Fal;

/// <summary>
/// fal's queue, served at the root of the API host exactly as queue.fal.run serves it: POST /{app} submits;
/// GET /{owner}/{app}/requests/{id}/status polls; GET /{owner}/{app}/requests/{id} returns the result. Like fal,
/// the status and result URLs use only the first two segments of the app id (fal-ai/flux-pro/v1.1 → fal-ai/flux-pro).
/// </summary>
internal sealed class FalQueueEndpoint(
    EmulatorOptions options, EmulatorStats stats, CallPlanner planner, ImageFactory images,
    QueuedJobStore jobs, DeliveryStore delivery, SignedUrls urls, Uri apiBase, FaultGate gate, ResponseWriter writer)
{
    public const string Family = "fal";

    private static readonly ErrorShape Errors = ErrorShape.Words((status, words) => FalErrors.Detail(status switch
    {
        401 => "Invalid authorization key",
        402 => "User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.",
        _ => words,
    }));

    /// <summary>fal CDN files are kept for days [UNVERIFIED "7 days"]; the emulator keeps them a day.</summary>
    private static readonly TimeSpan FileLifetime = TimeSpan.FromDays(1);

    public async Task SubmitAsync(HttpContext ctx, string app)
    {
        if (!Authorized(ctx))
        {
            await ResponseWriter.JsonAsync(ctx, 401, FalErrors.Detail("Missing authorization header (expected 'Authorization: Key <FAL_KEY>')")).ConfigureAwait(false);
            return;
        }
        FalRequest? request;
        try
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body, default, ctx.RequestAborted).ConfigureAwait(false);
            (request, var error) = FalRequest.Parse(doc.RootElement);
            if (error is not null)
            {
                await ResponseWriter.JsonAsync(ctx, 422, error).ConfigureAwait(false);
                return;
            }
        }
        catch (JsonException)
        {
            await ResponseWriter.JsonAsync(ctx, 422, FalErrors.Validation("body", "value_error.jsondecode", "Expecting value")).ConfigureAwait(false);
            return;
        }

        stats.CountQueueSubmit(Family, app);
        var plan = planner.Next(app, request!.Prompt);
        var profile = options.ProfileFor(app);
        if (!await gate.AdmitAsync(ctx, plan, Errors).ConfigureAwait(false)) return;

        var id = JobIds.Guid(plan.Seed, plan.CallIndex);
        var now = options.Time.GetUtcNow();
        var format = request.OutputFormat ?? profile.ImageFormat;
        var image = images.RenderNextAsync(app, request.Prompt, request.Width, request.Height, format, 90);
        var job = new QueuedJob(id, app, request.Prompt, request.Seed ?? plan.Seed, request.Width, request.Height, format,
            now, now + plan.ScaledLatency, plan.Refused, image);
        jobs.Add(job);
        delivery.Add(id, new DeliveryEntry(image, job.FinishesAt, job.FinishesAt + FileLifetime, app, request.Prompt));

        var requestUrl = RequestUrl(app, id);
        await writer.JsonAnswerAsync(ctx, 200, new JsonObject
        {
            ["status"] = "IN_QUEUE",
            ["request_id"] = id,
            ["response_url"] = requestUrl,
            ["status_url"] = requestUrl + "/status",
            ["cancel_url"] = requestUrl + "/cancel",
            ["queue_position"] = 0,
        }, plan.Planned).ConfigureAwait(false);
    }

    /// <summary>GET …/requests/{id}/status or …/requests/{id}; anything else is not a fal path.</summary>
    public async Task GetAsync(HttpContext ctx, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(parts, "requests");
        if (at < 1 || at + 1 >= parts.Length || parts.Length > at + 3 || (parts.Length == at + 3 && parts[^1] != "status"))
        {
            await ResponseWriter.JsonAsync(ctx, 404, FalErrors.Detail("Not Found")).ConfigureAwait(false);
            return;
        }
        stats.CountPoll();
        if (!Authorized(ctx))
        {
            await ResponseWriter.JsonAsync(ctx, 401, FalErrors.Detail("Missing authorization header (expected 'Authorization: Key <FAL_KEY>')")).ConfigureAwait(false);
            return;
        }
        var job = jobs.Find(parts[at + 1]);
        if (job is null)
        {
            await ResponseWriter.JsonAsync(ctx, 404, FalErrors.Detail("Request not found")).ConfigureAwait(false);
            return;
        }
        if (await gate.DrawAsync(ctx, FaultSite.Poll, job.Model, job.Prompt, job.Id, Errors).ConfigureAwait(false) is not { } fault) return;
        var now = options.Time.GetUtcNow();
        var responseUrl = RequestUrl(job.Model, job.Id);
        if (parts.Length == at + 3)
            await writer.JsonAnswerAsync(ctx, 200, Status(job, now, responseUrl), fault).ConfigureAwait(false);
        else if (!job.IsDone(now))
            await ResponseWriter.JsonAsync(ctx, 400, FalErrors.Detail("Request is still in progress")).ConfigureAwait(false);
        else
            await writer.JsonAnswerAsync(ctx, 200, await ResultAsync(job).ConfigureAwait(false), fault).ConfigureAwait(false);
    }

    private static JsonObject Status(QueuedJob job, DateTimeOffset now, string responseUrl)
    {
        if (job.IsQueued(now))
            return new JsonObject { ["status"] = "IN_QUEUE", ["queue_position"] = 0, ["response_url"] = responseUrl };
        if (!job.IsDone(now))
            return new JsonObject { ["status"] = "IN_PROGRESS", ["response_url"] = responseUrl, ["logs"] = null };
        return new JsonObject
        {
            ["status"] = "COMPLETED", ["response_url"] = responseUrl, ["logs"] = null,
            ["metrics"] = new JsonObject { ["inference_time"] = Math.Round(job.RunSeconds, 3) },
        };
    }

    private async Task<JsonObject> ResultAsync(QueuedJob job)
    {
        var rendered = await job.Image.ConfigureAwait(false);
        var url = urls.For($"results/{job.Id}/image.{job.Format}", rendered.ContentType, job.FinishesAt + FileLifetime);
        // Real fal answers a flagged image with a blacked-out picture and has_nsfw_concepts [true].
        return new JsonObject
        {
            ["images"] = new JsonArray(new JsonObject
            {
                ["url"] = url.AbsoluteUri, ["width"] = job.Width, ["height"] = job.Height, ["content_type"] = rendered.ContentType,
            }),
            ["timings"] = new JsonObject { ["inference"] = Math.Round(job.RunSeconds, 3) },
            // Seeds beyond 2^63 as in the recorded capture: clients must not read them as Int64.
            ["seed"] = job.Seed | 0x8000_0000_0000_0000UL,
            ["has_nsfw_concepts"] = new JsonArray(job.Refused),
            ["prompt"] = job.Prompt,
        };
    }

    private string RequestUrl(string app, string id)
    {
        var appBase = string.Join('/', app.Split('/', StringSplitOptions.RemoveEmptyEntries).Take(2));
        return new Uri(apiBase, $"{appBase}/requests/{id}").AbsoluteUri;
    }

    private bool Authorized(HttpContext ctx)
    {
        string auth = ctx.Request.Headers.Authorization.ToString();
        bool hasKey = auth.StartsWith("Key ", StringComparison.Ordinal) && auth.Length > "Key ".Length;
        stats.CountKey(hasKey);
        return hasKey || !options.RequireKey;
    }
}
