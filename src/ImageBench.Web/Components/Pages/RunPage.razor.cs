using ImageBench.Reporting.Html;
using ImageBench.Web.Api;
using ImageBench.Web.Images;
using ImageBench.Web.Workspace;
using Microsoft.AspNetCore.Components;

namespace ImageBench.Web.Components.Pages;

/// <summary>
/// One run: the report's own components (header, tables, prompts — what report.html shows) with the gallery made
/// interactive (filters, lightbox), thumbnails instead of full images, and live progress while it runs.
/// </summary>
public partial class RunPage
{
    [Parameter, EditorRequired] public SiteContext Site { get; set; } = default!;
    [Parameter, EditorRequired] public RunView View { get; set; } = default!;

    private IImageLinks Links => new ServedImageLinks(View.Run);

    private IReadOnlyList<string> Scripts => View.EventsUrl is null ? ["gallery.js"] : ["gallery.js", "live.js"];
}
