using Microsoft.AspNetCore.Components;

namespace ImageBench.Reporting.Html.Components;

/// <summary>
/// One report table. The article puts models in columns, which reads well for two or three; past
/// <see cref="MaxModelColumns"/> the table turns so models are rows and the page stays as wide as the window.
/// </summary>
public partial class ReportTableView
{
    public const int MaxModelColumns = 5;

    [Parameter, EditorRequired] public ReportTable Table { get; set; } = default!;

    private IReadOnlyList<string> Headers { get; set; } = [];
    private IReadOnlyList<IReadOnlyList<string>> Rows { get; set; } = [];

    protected override void OnParametersSet()
    {
        (Headers, Rows) = Layout(Table);
    }

    /// <summary>The table as written, or turned (first column "Model", one row per column of the original).</summary>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) Layout(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Headers.Count - 1 <= MaxModelColumns) return (table.Headers, table.Rows);
        var headers = new List<string> { "Model" };
        headers.AddRange(table.Rows.Select(r => r[0]));
        var rows = Enumerable.Range(1, table.Headers.Count - 1)
            .Select(column => (IReadOnlyList<string>)[table.Headers[column], .. table.Rows.Select(r => column < r.Count ? r[column] : "")])
            .ToList();
        return (headers, rows);
    }
}
