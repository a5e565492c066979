using System.Text.Json.Nodes;
using ImageBench.Emulator.Delivery;
using ImageBench.Emulator.Faults;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Bfl;

/// <summary>GET /v1/get_result?id=: Pending (queued, then progressing) until the job's finish time, then its final status.</summary>
internal sealed class BflResultEndpoint(
    EmulatorOptions options, EmulatorStats stats, BflJobStore jobs, SignedUrls urls, FaultGate gate, ResponseWriter writer)
{
    private static readonly string[] ModerationReasons = ["Derivative Works Filter", "NSFW", "Harmful content"];

    public async Task HandleAsync(HttpContext ctx)
    {
        stats.CountPoll();
        bool hasKey = !string.IsNullOrEmpty(ctx.Request.Headers["x-key"]);
        stats.CountKey(hasKey);
        if (!hasKey && options.RequireKey)
        {
            await ResponseWriter.JsonAsync(ctx, 403, BflErrors.Detail("Not authenticated")).ConfigureAwait(false);
            return;
        }
        string? id = ctx.Request.Query["id"];
        if (string.IsNullOrEmpty(id))
        {
            await ResponseWriter.JsonAsync(ctx, 422, new JsonObject
            {
                ["detail"] = new JsonArray(new JsonObject
                {
                    ["loc"] = new JsonArray("query", "id"), ["msg"] = "Field required", ["type"] = "missing", ["input"] = null,
                }),
            }).ConfigureAwait(false);
            return;
        }
        var job = jobs.Find(id);
        var now = options.Time.GetUtcNow();
        if (job is null)
        {
            await ResponseWriter.JsonAsync(ctx, 200, Status(id, "Task not found", null, null, null)).ConfigureAwait(false);
            return;
        }
        if (await gate.DrawAsync(ctx, FaultSite.Poll, job.Model, job.Prompt, job.Id, BflSubmitEndpoint.Errors(options, job.Model)).ConfigureAwait(false) is { } fault)
            await writer.JsonAnswerAsync(ctx, 200, Answer(job, now), fault).ConfigureAwait(false);
    }

    private JsonObject Answer(BflJob job, DateTimeOffset now)
    {
        var id = job.Id;
        if (job.Refused && now >= job.StartsAt)
        {
            // Request moderation happens before generation: the verdict is known once the task leaves the queue.
            var reason = ModerationReasons[(int)((ulong)job.Seed % (ulong)ModerationReasons.Length)];
            return Status(id, "Request Moderated", null, null, new JsonObject { ["Moderation Reasons"] = new JsonArray(reason) });
        }
        if (now < job.FinishesAt)
        {
            return Status(id, "Pending", null, job.ProgressAt(now), null);
        }
        return Status(id, "Ready", Result(job), null, null);
    }

    private JsonObject Result(BflJob job)
    {
        string ext = job.Format;
        return new JsonObject
        {
            ["sample"] = urls.For($"results/{job.Id}/sample.{ext}", "image/" + ext, job.FinishesAt + BflSubmitEndpoint.SampleLifetime).AbsoluteUri,
            ["prompt"] = job.Prompt,
            ["seed"] = job.Seed,
            ["start_time"] = job.StartsAt.ToUnixTimeMilliseconds() / 1000.0,
            ["end_time"] = job.FinishesAt.ToUnixTimeMilliseconds() / 1000.0,
            ["duration"] = (job.FinishesAt - job.StartsAt).TotalSeconds,
        };
    }

    private static JsonObject Status(string id, string status, JsonNode? result, double? progress, JsonNode? details) => new()
    {
        ["id"] = id,
        ["status"] = status,
        ["result"] = result,
        ["progress"] = progress,
        ["details"] = details,
        ["preview"] = null,
    };
}
