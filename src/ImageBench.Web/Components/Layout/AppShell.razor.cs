using ImageBench.Web.Api;
using Microsoft.AspNetCore.Components;

namespace ImageBench.Web.Components.Layout;

/// <summary>The frame of every served page: stylesheet, scripts (files only: the CSP forbids inline ones), site bar.</summary>
public partial class AppShell
{
    [Parameter, EditorRequired] public string Title { get; set; } = default!;
    [Parameter, EditorRequired] public SiteContext Site { get; set; } = default!;
    /// <summary>Script files under /assets to load, deferred.</summary>
    [Parameter] public IReadOnlyList<string> Scripts { get; set; } = [];
    /// <summary>The current page after "ImageBench ›" (a run's name); null on the Runs page.</summary>
    [Parameter] public string? Breadcrumb { get; set; }
    [Parameter] public RenderFragment? ChildContent { get; set; }
}
