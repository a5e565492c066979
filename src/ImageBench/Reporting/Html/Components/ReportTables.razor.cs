using Microsoft.AspNetCore.Components;

namespace ImageBench.Reporting.Html.Components;

/// <summary>The report's tables in order, each with the sentence or note that reads it.</summary>
public partial class ReportTables
{
    [Parameter, EditorRequired] public RunReport Report { get; set; } = default!;

    /// <summary>"table-latency": a stable link target per table.</summary>
    public static string Anchor(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return "table-" + table.Title.ToLowerInvariant().Replace(' ', '-');
    }
}
