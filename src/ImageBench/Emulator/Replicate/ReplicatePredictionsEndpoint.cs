using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBench.Emulator.Delivery;
using ImageBench.Emulator.Faults;
using ImageBench.Emulator.Jobs;
using ImageBench.Emulator.Rendering;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Replicate;

/// <summary>
/// Replicate predictions: POST /v1/models/{owner}/{name}/predictions (or /v1/predictions with a version) answers
/// 201 with the prediction; with <c>Prefer: wait[=N]</c> it holds the answer until the output exists or the wait
/// (default 60 s, × TimeScale) runs out. GET /v1/predictions/{id}: starting → processing → succeeded | failed.
/// Outputs are URLs on the delivery host, kept one hour as Replicate does.
/// </summary>
internal sealed class ReplicatePredictionsEndpoint(
    EmulatorOptions options, EmulatorStats stats, CallPlanner planner, ImageFactory images,
    QueuedJobStore jobs, DeliveryStore delivery, SignedUrls urls, Uri apiBase, FaultGate gate, ResponseWriter writer)
{
    public const string Family = "replicate";

    private static readonly ErrorShape Errors = ErrorShape.Words(ReplicateErrors.ForFault, ReplicateErrors.ContentType);
    private static readonly TimeSpan OutputLifetime = TimeSpan.FromHours(1);

    public async Task CreateAsync(HttpContext ctx, string? model)
    {
        if (!Authorized(ctx))
        {
            await WriteAsync(ctx, 401, ReplicateErrors.Unauthenticated(), ReplicateErrors.ContentType).ConfigureAwait(false);
            return;
        }
        ReplicateInput? input;
        string? version = null;
        try
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body, default, ctx.RequestAborted).ConfigureAwait(false);
            if (model is null)
            {
                version = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                if (version is null)
                {
                    await WriteAsync(ctx, 422, ReplicateErrors.Invalid("- version: version is required"), ReplicateErrors.ContentType).ConfigureAwait(false);
                    return;
                }
            }
            (input, var error) = ReplicateInput.Parse(doc.RootElement);
            if (error is not null)
            {
                await WriteAsync(ctx, 422, ReplicateErrors.Invalid(error), ReplicateErrors.ContentType).ConfigureAwait(false);
                return;
            }
        }
        catch (JsonException)
        {
            await WriteAsync(ctx, 400, ReplicateErrors.Problem(400, "Invalid JSON", "The request body is not valid JSON"), ReplicateErrors.ContentType).ConfigureAwait(false);
            return;
        }

        var name = model ?? version!.Split(':')[0];
        stats.CountQueueSubmit(Family, name);
        var plan = planner.Next(name, input!.Prompt);
        var profile = options.ProfileFor(name);
        if (!await gate.AdmitAsync(ctx, plan, Errors).ConfigureAwait(false)) return;

        var now = options.Time.GetUtcNow();
        var format = input.Format ?? profile.ImageFormat;
        var image = images.RenderNextAsync(name, input.Prompt, input.Width, input.Height, format, 90);
        var job = new QueuedJob(JobIds.Base32(plan.Seed, plan.CallIndex), name, input.Prompt, (ulong)(input.Seed ?? (long)(plan.Seed >> 33)),
            input.Width, input.Height, format, now, now + plan.ScaledLatency, plan.Refused, image) { SeedSent = input.Seed is not null };
        jobs.Add(job);
        if (!plan.Refused) delivery.Add(job.Id, new DeliveryEntry(image, job.FinishesAt, job.FinishesAt + OutputLifetime, name, input.Prompt));

        if (PreferWait(ctx.Request.Headers["Prefer"].ToString()) is { } wait)
        {
            ctx.Response.Headers["Preference-Applied"] = string.Create(CultureInfo.InvariantCulture, $"wait={wait}");
            var until = Min(job.FinishesAt, now + TimeSpan.FromSeconds(wait * options.TimeScale));
            var delay = until - options.Time.GetUtcNow();
            if (delay > TimeSpan.Zero) await Task.Delay(delay, options.Time, ctx.RequestAborted).ConfigureAwait(false);
        }
        await writer.JsonAnswerAsync(ctx, 201, Prediction(job, version), plan.Planned).ConfigureAwait(false);
    }

    public async Task GetAsync(HttpContext ctx, string id)
    {
        stats.CountPoll();
        if (!Authorized(ctx))
        {
            await WriteAsync(ctx, 401, ReplicateErrors.Unauthenticated(), ReplicateErrors.ContentType).ConfigureAwait(false);
            return;
        }
        var job = jobs.Find(id);
        if (job is null)
        {
            await WriteAsync(ctx, 404, ReplicateErrors.Problem(404, "Not found", "The requested resource could not be found."), ReplicateErrors.ContentType).ConfigureAwait(false);
            return;
        }
        if (await gate.DrawAsync(ctx, FaultSite.Poll, job.Model, job.Prompt, job.Id, Errors).ConfigureAwait(false) is { } fault)
            await writer.JsonAnswerAsync(ctx, 200, Prediction(job, null), fault).ConfigureAwait(false);
    }

    private JsonObject Prediction(QueuedJob job, string? version)
    {
        var now = options.Time.GetUtcNow();
        var status = job.IsQueued(now) ? "starting" : !job.IsDone(now) ? "processing" : job.Refused ? "failed" : "succeeded";
        var get = new Uri(apiBase, "v1/predictions/" + job.Id).AbsoluteUri;
        var body = new JsonObject
        {
            ["id"] = job.Id,
            ["model"] = job.Model,
            ["version"] = version ?? "hidden",
            ["input"] = job.SeedSent ? new JsonObject { ["prompt"] = job.Prompt, ["seed"] = job.Seed } : new JsonObject { ["prompt"] = job.Prompt },
            // Like the recorded SDXL predictions: the model prints the seed it drew as soon as it starts.
            ["logs"] = job.IsQueued(now) ? "" : $"Using seed: {job.Seed.ToString(CultureInfo.InvariantCulture)}\nPrompt: {job.Prompt}\n",
            ["output"] = status == "succeeded"
                ? urls.For($"results/{job.Id}/out-0.{(job.Format == "jpeg" ? "jpg" : job.Format)}", "image/" + job.Format, job.FinishesAt + OutputLifetime).AbsoluteUri
                : null,
            ["data_removed"] = false,
            ["error"] = status == "failed" ? ReplicateErrors.Flagged : null,
            ["status"] = status,
            ["created_at"] = Stamp(job.SubmittedAt),
            ["urls"] = new JsonObject
            {
                ["cancel"] = get + "/cancel", ["get"] = get, ["web"] = "https://replicate.com/p/" + job.Id,
            },
        };
        if (!job.IsQueued(now)) body["started_at"] = Stamp(job.StartsAt);
        if (job.IsDone(now))
        {
            body["completed_at"] = Stamp(job.FinishesAt);
            body["metrics"] = new JsonObject
            {
                ["predict_time"] = Math.Round(job.RunSeconds, 6),
                ["total_time"] = Math.Round((job.FinishesAt - job.SubmittedAt).TotalSeconds, 6),
            };
        }
        return body;
    }

    /// <summary>"wait" → 60, "wait=N" → N (1..60), anything else → no sync mode.</summary>
    public static int? PreferWait(string prefer)
    {
        var value = prefer.Trim();
        if (value == "wait") return 60;
        return value.StartsWith("wait=", StringComparison.Ordinal)
               && int.TryParse(value.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? Math.Min(n, 60)
            : null;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);

    private bool Authorized(HttpContext ctx)
    {
        string auth = ctx.Request.Headers.Authorization.ToString();
        bool hasKey = (auth.StartsWith("Bearer ", StringComparison.Ordinal) && auth.Length > 7) || (auth.StartsWith("Token ", StringComparison.Ordinal) && auth.Length > 6);
        stats.CountKey(hasKey);
        return hasKey || !options.RequireKey;
    }

    private static async Task WriteAsync(HttpContext ctx, int status, JsonNode body, string contentType)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body.ToJsonString());
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted).ConfigureAwait(false);
    }
}
