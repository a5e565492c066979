using ImageBench.Reporting;
using Microsoft.AspNetCore.Components;

namespace ImageBench.Web.Components.Controls;

/// <summary>
/// The gallery's filters: a prompt tag (the suite's capability tags), which models, and failed checks only (images
/// that failed a check and attempts with no image). gallery.js applies them in place, without a round trip.
/// </summary>
public partial class GalleryFilters
{
    [Parameter, EditorRequired] public RunReport Report { get; set; } = default!;

    private IReadOnlyList<string> Tags => Report.Prompts.SelectMany(p => p.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
