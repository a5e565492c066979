using System.Text.Json;
using ImageBench.Reporting.Html;
using ImageBench.Web.Components.Controls;
using ImageBench.Web.Workspace;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Web.Live;

/// <summary>
/// Server-sent events for the Runs page: whenever a run appears, changes or changes status, the table is rendered
/// again (the same component as the page's) and sent as one "runs" event; runs.js swaps its rows in, keeping the
/// reader's sort and filter. Each look is a directory listing and a file stat per run.
/// </summary>
public sealed class WorkspaceEventStream(RunWorkspace workspace, RunReader reader, TimeProvider time, TimeSpan pollInterval, CancellationToken stopping)
{
    public async Task StreamAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The page going away or the server stopping ends the stream (a stopping server would otherwise wait for it).
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var ct = ended.Token;
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);

        string? sent = null;
        var quietSince = time.GetUtcNow();
        using var timer = new PeriodicTimer(pollInterval, time);
        try
        {
            do
            {
                var runs = await RunSummaries.LoadAsync(workspace, reader, time.GetUtcNow(), ct).ConfigureAwait(false);
                var signature = RunSummaries.Signature(runs);
                // The first look only records what the page already shows.
                if (sent is not null && signature != sent)
                {
                    var html = await ComponentRenderer.RenderAsync<RunsTable>(new Dictionary<string, object?> { [nameof(RunsTable.Runs)] = runs }).ConfigureAwait(false);
                    await context.Response.WriteAsync($"event: runs\ndata: {JsonSerializer.Serialize(new { html })}\n\n", ct).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                    quietSince = time.GetUtcNow();
                }
                sent = signature;
                if (time.GetUtcNow() - quietSince >= RunEventStream.KeepAlive)
                {
                    await context.Response.WriteAsync(": nothing new\n\n", ct).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                    quietSince = time.GetUtcNow();
                }
            }
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page went away, or the server is stopping.
        }
    }
}
