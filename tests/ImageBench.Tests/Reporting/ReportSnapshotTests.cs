using ImageBench.Reporting;

namespace ImageBench.Tests.Reporting;

public class ReportSnapshotTests
{
    private static RunReport Report() =>
        RunReportBuilder.Build(SyntheticRun.Manifest(), SyntheticRun.Attempts(), SyntheticRun.Suite, SyntheticRun.Catalog);

    [Fact]
    public void Markdown_matches_snapshot() => Snapshot.Matches("report.md", MarkdownReportWriter.Write(Report()));

    [Fact]
    public void Html_matches_snapshot() => Snapshot.Matches("report.html", HtmlReportWriter.Write(Report()));

    [Fact]
    public void Csv_matches_snapshot() => Snapshot.Matches("attempts.csv", CsvReportWriter.Write(Report()));

    [Fact]
    public void Output_is_deterministic()
    {
        Assert.Equal(HtmlReportWriter.Write(Report()), HtmlReportWriter.Write(Report()));
        Assert.Equal(MarkdownReportWriter.Write(Report()), MarkdownReportWriter.Write(Report()));
    }
}
