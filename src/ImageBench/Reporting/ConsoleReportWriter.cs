using Spectre.Console;

namespace ImageBench.Reporting;

/// <summary>
/// The report's summary on a terminal: run facts and the tables, no per-prompt images. Static output only (no live
/// display), so it works with redirected output and TERM=dumb; Spectre falls back to ASCII borders there.
/// </summary>
public static class ConsoleReportWriter
{
    public static void Write(RunReport report, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(console);
        console.Write(new Rule(Markup.Escape(report.Title)).LeftJustified());
        console.WriteLine($"Run {report.RunId}, {ReportFormat.Date(report.CreatedAt)}, ImageBench {report.ToolVersion}");
        console.WriteLine($"Suite {report.SuiteName} (sha256 {report.SuiteSha256}), repeat {report.Repeat}");
        console.WriteLine(report.TimingNote);
        console.WriteLine(report.FailureSentence);
        if (report.StatusSentence is { } status) console.WriteLine(status);

        foreach (var table in report.Tables)
        {
            console.WriteLine();
            var t = new Table { Title = new TableTitle(Markup.Escape(table.Title)) };
            foreach (var header in table.Headers) t.AddColumn(new TableColumn(new Text(header)));
            // Text, not Markup: cells hold provider and user strings that may contain [brackets].
            foreach (var row in table.Rows) t.AddRow(row.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c)).ToArray());
            console.Write(t);
            if (table == report.LatencyTable && report.SpeedSentence is not null) console.WriteLine(report.SpeedSentence);
            if (table.Note is not null) console.WriteLine(table.Note);
        }
    }
}
