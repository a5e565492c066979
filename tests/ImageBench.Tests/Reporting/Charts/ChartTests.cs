using System.Xml.Linq;
using ImageBench.Attempts;
using ImageBench.Reporting;
using ImageBench.Reporting.Charts;

namespace ImageBench.Tests.Reporting.Charts;

/// <summary>The charts' structure (not pixels): accessible frame, one row per model, axis choice, determinism.</summary>
public class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static RunReport Report() => RunReportBuilder.Build(SyntheticRun.Manifest(), SyntheticRun.Attempts(), SyntheticRun.Suite, SyntheticRun.Catalog);

    [Theory]
    [InlineData(new[] { 1000.0, 9999.0 }, false)]
    [InlineData(new[] { 1000.0, 10000.0 }, true)]
    [InlineData(new[] { 30000.0, 2000.0, 2500.0 }, true)]
    [InlineData(new[] { 5000.0 }, false)]
    public void The_log_axis_is_chosen_exactly_when_medians_differ_tenfold(double[] medians, bool log) =>
        Assert.Equal(log, LatencyChart.UsesLogAxis(medians));

    [Fact]
    public void The_latency_chart_has_a_title_a_description_a_viewbox_and_one_dot_per_successful_attempt()
    {
        var report = Report();
        var svg = XElement.Parse(LatencyChart.Render(report)!);
        Assert.StartsWith("0 0 ", (string?)svg.Attribute("viewBox"));
        Assert.Equal("Latency per model", svg.Element(Svg + "title")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(svg.Element(Svg + "desc")!.Value));
        Assert.Equal(report.Attempts.Count(a => a.Outcome == AttemptOutcome.Ok && a.LatencyMs > 0), svg.Elements(Svg + "circle").Count());
        var texts = svg.Elements(Svg + "text").Select(t => t.Value).ToList();
        foreach (var model in report.Models) Assert.Contains(model.Name, texts);
        Assert.Contains(texts, t => t.Contains("failed", StringComparison.Ordinal) || t == "no failures");
    }

    [Fact]
    public void Charts_are_deterministic()
    {
        Assert.Equal(LatencyChart.Render(Report()), LatencyChart.Render(Report()));
        Assert.Equal(PhasesChart.Render(Report()), PhasesChart.Render(Report()));
    }

    [Fact]
    public void Failures_only_gives_no_latency_chart()
    {
        var failed = SyntheticRun.Attempts().Select(a => a with { Outcome = AttemptOutcome.Refused }).ToList();
        var report = RunReportBuilder.Build(SyntheticRun.Manifest(), failed, SyntheticRun.Suite, SyntheticRun.Catalog);
        Assert.Null(LatencyChart.Render(report));
    }
}
