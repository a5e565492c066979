using ImageBench.Storage.Sqlite;
using ImageBench.Web.Components.Pages;
using ImageBench.Web.Live;
using ImageBench.Web.Workspace;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ImageBench.Web.Api;

/// <summary>The pages: Runs (/), Run (/runs/{name}) and its live stream, and the page for anything else.</summary>
internal static class PageEndpoints
{
    public static void Map(IEndpointRouteBuilder app, RunWorkspace workspace, RunReader reader, LiveViews views, RunEventStream events, SiteContext site, TimeProvider time)
    {
        app.MapGet("/", async (HttpContext context) =>
        {
            var summaries = new List<RunSummary>();
            foreach (var run in workspace.Runs())
            {
                try
                {
                    var snapshot = await reader.SnapshotAsync(run, context.RequestAborted).ConfigureAwait(false);
                    summaries.Add(new RunSummary(run, snapshot, RunProgress.Of(snapshot), snapshot.StatusAt(time.GetUtcNow()), null));
                }
                catch (Exception e) when (IsUnreadable(e))
                {
                    summaries.Add(RunSummary.Unreadable(run, $"cannot read this run's store: {e.Message}"));
                }
            }
            var ordered = summaries.OrderByDescending(s => s.Snapshot?.Manifest.CreatedAt ?? DateTimeOffset.MinValue).ThenBy(s => s.Run.Name, StringComparer.Ordinal).ToList();
            return new PageResult<RunsPage>(new Dictionary<string, object?> { [nameof(RunsPage.Site)] = site, [nameof(RunsPage.Runs)] = ordered });
        });

        app.MapGet("/runs/{name}", async (string name, HttpContext context) =>
        {
            if (workspace.Find(name) is not { } run) return NotFound(site, $"No run directory named “{name}” in this workspace.");
            try
            {
                var (snapshot, report, _) = await reader.ReportAsync(run, context.RequestAborted).ConfigureAwait(false);
                var status = snapshot.StatusAt(time.GetUtcNow());
                var viewId = status == RunStatus.Running ? views.Register(snapshot.Slots.Where(s => s.Attempt is not null).Select(s => s.Key)) : null;
                return new PageResult<RunPage>(new Dictionary<string, object?> { [nameof(RunPage.Site)] = site, [nameof(RunPage.View)] = RunView.Of(snapshot, report, status, viewId) });
            }
            catch (Exception e) when (IsUnreadable(e))
            {
                return Problem(site, StatusCodes.Status500InternalServerError, "Cannot read this run", $"{run.Name}: {e.Message}");
            }
        });

        app.MapGet("/runs/{name}/events", async (string name, string? view, HttpContext context) =>
        {
            if (workspace.Find(name) is not { } run)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await events.StreamAsync(context, run, view).ConfigureAwait(false);
        });

        // GET only, like every route: any other method is refused (405) before anything runs.
        app.MapFallback(() => NotFound(site, "There is no page here.")).WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]));
    }

    public static IResult NotFound(SiteContext site, string message) => Problem(site, StatusCodes.Status404NotFound, "Not found", message);

    private static IResult Problem(SiteContext site, int status, string title, string message) =>
        new PageResult<ProblemPage>(new Dictionary<string, object?>
        {
            [nameof(ProblemPage.Site)] = site,
            [nameof(ProblemPage.Title)] = title,
            [nameof(ProblemPage.Message)] = message,
        }, status);

    /// <summary>A store that is not one, of another version, half written, or gone: one row or page says so, nothing crashes.</summary>
    public static bool IsUnreadable(Exception e) =>
        e is InvalidDataException or IncompatibleStoreException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException;
}
