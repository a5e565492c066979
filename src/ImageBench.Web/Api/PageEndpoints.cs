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
    public static void Map(IEndpointRouteBuilder app, RunWorkspace workspace, RunReader reader, LiveViews views, RunEventStream events, WorkspaceEventStream workspaceEvents, SiteContext site, TimeProvider time)
    {
        app.MapGet("/", async (HttpContext context) =>
        {
            var runs = await RunSummaries.LoadAsync(workspace, reader, time.GetUtcNow(), context.RequestAborted).ConfigureAwait(false);
            return new PageResult<RunsPage>(new Dictionary<string, object?> { [nameof(RunsPage.Site)] = site, [nameof(RunsPage.Runs)] = runs });
        });

        app.MapGet("/events", (HttpContext context) => workspaceEvents.StreamAsync(context));

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
            catch (Exception e) when (RunSummaries.IsUnreadable(e))
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
}
