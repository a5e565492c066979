using ImageBench.Reporting.Html;
using ImageBench.Reporting.Html.Components;

namespace ImageBench.Reporting;

/// <summary>
/// The report as one self-contained HTML page: inline CSS, no script, no external resource. Images are linked by
/// their relative paths so the page works when opened from the run directory. Rendered by the same Razor
/// components <c>imagebench serve</c> shows a run with (Reporting/Html/Components), every text HTML-encoded.
/// </summary>
public static class HtmlReportWriter
{
    public static Task<string> WriteAsync(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ComponentRenderer.RenderAsync<ReportDocument>(new Dictionary<string, object?> { [nameof(ReportDocument.Report)] = report });
    }

    /// <remarks>The components render synchronously (no async lifecycle), so this completes without blocking on I/O.</remarks>
    public static string Write(RunReport report) => WriteAsync(report).GetAwaiter().GetResult();
}
