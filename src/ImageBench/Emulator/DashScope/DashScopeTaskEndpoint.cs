using System.Globalization;
using System.Text.Json.Nodes;
using ImageBench.Emulator.Faults;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.DashScope;

/// <summary>GET /api/v1/tasks/{id}: PENDING, RUNNING, then SUCCEEDED with results[0].url (or FAILED for a refusal).</summary>
internal sealed class DashScopeTaskEndpoint(EmulatedCall call, DashScopeJobStore jobs, ResponseWriter writer)
{
    /// <summary>DashScope's times are Beijing wall-clock strings without a zone.</summary>
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public async Task HandleAsync(HttpContext ctx, string id)
    {
        call.Stats.CountPoll();
        if (!call.KeyAccepted(EmulatedCall.HasBearer(ctx)))
        {
            await ResponseWriter.JsonAsync(ctx, 401, DashScopeErrors.Body("InvalidApiKey", "No API-key provided.")).ConfigureAwait(false);
            return;
        }
        var job = jobs.Find(id);
        var now = call.Options.Time.GetUtcNow();
        if (job is null)
        {
            // The real service answers unknown or expired ids with 200 and status UNKNOWN.
            await ResponseWriter.JsonAsync(ctx, 200, new JsonObject
            {
                ["request_id"] = id + "-poll",
                ["output"] = new JsonObject { ["task_id"] = id, ["task_status"] = "UNKNOWN" },
            }).ConfigureAwait(false);
            return;
        }
        if (await call.Gate.DrawAsync(ctx, Faults.FaultSite.Poll, job.Model, job.Prompt, job.Id, DashScopeErrors.Errors).ConfigureAwait(false) is { } fault)
            await writer.JsonAnswerAsync(ctx, 200, Answer(job, now), fault).ConfigureAwait(false);
    }

    private static JsonObject Answer(DashScopeJob job, DateTimeOffset now)
    {
        var id = job.Id;
        var output = new JsonObject { ["task_id"] = id, ["submit_time"] = Time(job.SubmittedAt) };
        if (now < job.StartsAt)
        {
            output["task_status"] = "PENDING";
        }
        else if (job.Refused)
        {
            // Inspection happens once a worker picks the task up.
            output["task_status"] = "FAILED";
            output["scheduled_time"] = Time(job.StartsAt);
            output["end_time"] = Time(job.StartsAt);
            output["code"] = "DataInspectionFailed";
            output["message"] = "Input data may contain inappropriate content.";
        }
        else if (now < job.FinishesAt)
        {
            output["task_status"] = "RUNNING";
            output["scheduled_time"] = Time(job.StartsAt);
        }
        else
        {
            output["task_status"] = "SUCCEEDED";
            output["scheduled_time"] = Time(job.StartsAt);
            output["end_time"] = Time(job.FinishesAt);
            output["results"] = new JsonArray(new JsonObject { ["orig_prompt"] = job.Prompt, ["actual_prompt"] = job.Prompt, ["url"] = job.ImageUrl!.AbsoluteUri });
            output["task_metrics"] = new JsonObject { ["TOTAL"] = 1, ["SUCCEEDED"] = 1, ["FAILED"] = 0 };
        }
        var body = new JsonObject { ["request_id"] = id + "-poll", ["output"] = output };
        if ((string?)output["task_status"] == "SUCCEEDED") body["usage"] = new JsonObject { ["image_count"] = 1 };
        return body;
    }

    private static string Time(DateTimeOffset at) => at.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
