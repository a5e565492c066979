using System.Text.Json;
using ImageBench.Reporting;
using ImageBench.Reporting.Html;
using ImageBench.Reporting.Html.Components;
using ImageBench.Storage;
using ImageBench.Web.Images;
using ImageBench.Web.Workspace;
using Microsoft.AspNetCore.Http;

using RunStatus = ImageBench.Web.Workspace.RunStatus;

namespace ImageBench.Web.Live;

/// <summary>
/// Server-sent events for a run page: it looks at the run's store every poll interval (cheaply: a file stat, a
/// read only when the store changed) and sends each attempt that landed since the page was rendered ("attempt":
/// the gallery figure and a feed line), the counts ("progress"), and "end" once nobody works on the run. It reads
/// the store, not the runner, so it follows a run started by the command line in another process.
/// </summary>
public sealed class RunEventStream(RunReader reader, LiveViews views, TimeProvider time, TimeSpan pollInterval, CancellationToken stopping)
{
    /// <summary>A comment line this often keeps proxies from closing a quiet stream.</summary>
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public async Task StreamAsync(HttpContext context, RunDirectory run, string? viewId)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The page going away or the server stopping ends the stream (a stopping server would otherwise wait for it).
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var ct = ended.Token;
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);

        var snapshot = await reader.SnapshotAsync(run, ct).ConfigureAwait(false);
        var shown = new HashSet<SlotKey>(views.Shown(viewId) ?? DoneSlots(snapshot));
        StoreStamp? sent = null;
        var quietSince = time.GetUtcNow();
        using var timer = new PeriodicTimer(pollInterval, time);
        try
        {
            while (true)
            {
                snapshot = await reader.SnapshotAsync(run, ct).ConfigureAwait(false);
                var status = snapshot.StatusAt(time.GetUtcNow());
                if (snapshot.Stamp != sent)
                {
                    await SendNewAttemptsAsync(context, run, snapshot, shown, ct).ConfigureAwait(false);
                    views.Update(viewId, shown);
                    await SendAsync(context, "progress", Progress(snapshot, status), ct).ConfigureAwait(false);
                    sent = snapshot.Stamp;
                    quietSince = time.GetUtcNow();
                }
                if (status != RunStatus.Running)
                {
                    await SendAsync(context, "progress", Progress(snapshot, status), ct).ConfigureAwait(false);
                    await SendAsync(context, "end", new { status = RunStatusRule.Name(status) }, ct).ConfigureAwait(false);
                    return;
                }
                if (time.GetUtcNow() - quietSince >= KeepAlive)
                {
                    await context.Response.WriteAsync(": still running\n\n", ct).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                    quietSince = time.GetUtcNow();
                }
                if (!await timer.WaitForNextTickAsync(ct).ConfigureAwait(false)) return;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page went away, or the server is stopping.
        }
    }

    private static HashSet<SlotKey> DoneSlots(RunSnapshot snapshot) =>
        snapshot.Slots.Where(s => s.Phase == SlotPhase.Done).Select(s => s.Key).ToHashSet();

    private static async Task SendNewAttemptsAsync(HttpContext context, RunDirectory run, RunSnapshot snapshot, HashSet<SlotKey> shown, CancellationToken ct)
    {
        var names = RunReportBuilder.CatalogOf(snapshot.Manifest);
        var links = new ServedImageLinks(run);
        foreach (var slot in snapshot.Slots.Where(s => s.Attempt is not null && !shown.Contains(s.Key)).OrderBy(s => s.Attempt!.StartedAt.AddMilliseconds(s.Attempt.LatencyMs)))
        {
            var attempt = slot.Attempt!;
            var entry = PromptSections.Entry(attempt, names.GetValueOrDefault(attempt.Model)?.Name ?? attempt.Model, null);
            var html = await ComponentRenderer.RenderAsync<ShotFigure>(new Dictionary<string, object?>
            {
                [nameof(ShotFigure.PromptId)] = attempt.PromptId,
                [nameof(ShotFigure.Entry)] = entry,
                [nameof(ShotFigure.Links)] = links,
            }).ConfigureAwait(false);
            await SendAsync(context, "attempt", new
            {
                slot = ShotFigure.SlotOf(attempt.Model, attempt.PromptId, attempt.Repeat),
                prompt = attempt.PromptId,
                html = html.Trim(),
                line = LiveLines.Line(entry, attempt.PromptId),
            }, ct).ConfigureAwait(false);
            shown.Add(slot.Key);
        }
    }

    private static object Progress(RunSnapshot snapshot, RunStatus status)
    {
        var progress = RunProgress.Of(snapshot);
        return new
        {
            status = RunStatusRule.Name(status),
            summary = LiveLines.Summary(progress, status),
            models = progress.Models.Select(m => new
            {
                id = m.Id,
                counts = new Dictionary<string, string>
                {
                    ["done"] = m.Done.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["ok"] = m.Ok.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["failed"] = m.Failed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["in-flight"] = m.InFlight.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            }),
        };
    }

    /// <summary>One event; JSON never holds a raw newline, so one data line carries it.</summary>
    private static async Task SendAsync(HttpContext context, string name, object data, CancellationToken ct)
    {
        await context.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data)}\n\n", ct).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
    }
}
