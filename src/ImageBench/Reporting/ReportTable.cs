namespace ImageBench.Reporting;

/// <summary>
/// A table as the reader sees it: already-formatted cells, metrics down, models across like the article's tables.
/// Writers only lay it out, so Markdown, HTML and the console cannot disagree on a number.
/// </summary>
public sealed record ReportTable(
    string Title,
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    string? Note = null)
{
    /// <summary>The cell in the row whose first cell is <paramref name="rowLabel"/>, under <paramref name="header"/>.</summary>
    public string Cell(string rowLabel, string header)
    {
        int column = Headers.ToList().IndexOf(header);
        var row = Rows.FirstOrDefault(r => r[0] == rowLabel)
            ?? throw new KeyNotFoundException($"no row '{rowLabel}' in {Title}");
        return column >= 0 ? row[column] : throw new KeyNotFoundException($"no column '{header}' in {Title}");
    }
}
