using System.Text;
using ImageBench.Attempts;

namespace ImageBench.Reporting.Charts;

/// <summary>
/// Chart 1: every successful attempt's latency as a dot per model row, with the p50 and p95 marked and the model's
/// failures counted at the right. The axis is logarithmic when the slowest model's median is at least ten times the
/// fastest's — on a linear axis the fast model's dots would collapse into one pixel.
/// </summary>
public static class LatencyChart
{
    private const int Width = 900, Left = 170, Right = 110, RowHeight = 26, Top = 34;

    /// <summary>True when the model medians differ at least tenfold, the rule for choosing the log axis.</summary>
    public static bool UsesLogAxis(IEnumerable<double> medians)
    {
        var positive = medians.Where(m => m > 0).ToList();
        return positive.Count >= 2 && positive.Max() / positive.Min() >= 10;
    }

    public static string? Render(RunReport report)
    {
        var latencies = report.Models.Select(m => report.Attempts
            .Where(a => a.Model == m.Id && a.Outcome == AttemptOutcome.Ok && a.LatencyMs > 0)
            .Select(a => a.LatencyMs).Order().ToList()).ToList();
        if (latencies.All(l => l.Count == 0)) return null;
        bool log = UsesLogAxis(report.Models.Select(m => m.Stats.Latency?.P50 ?? 0));
        double min = latencies.SelectMany(l => l).Min(), max = latencies.SelectMany(l => l).Max();
        var axis = new ValueAxis(min, max, log, Left, Width - Right);
        int height = Top + report.Models.Count * RowHeight + 46;
        var svg = SvgText.Open("chart-latency", Width, height, "Latency per model",
            $"Each dot is one successful attempt's latency; the thick mark is the median (p50), the thin one p95. Axis {(log ? "logarithmic" : "linear")}, in seconds. Failures are counted at the right.");
        for (int i = 0; i < report.Models.Count; i++)
        {
            var model = report.Models[i];
            double y = Top + i * RowHeight + RowHeight / 2.0;
            SvgText.Label(svg, Left - 8, y + 4, model.Name, "end");
            SvgText.Line(svg, Left, y, Width - Right, y, "#e5e7eb");
            foreach (var ms in latencies[i])
                svg.Append(System.Globalization.CultureInfo.InvariantCulture, $"<circle cx=\"{SvgText.N(axis.X(ms))}\" cy=\"{SvgText.N(y)}\" r=\"3\" fill=\"#2563eb\" fill-opacity=\"0.45\"/>");
            if (model.Stats.Latency is { } s)
            {
                SvgText.Line(svg, axis.X(s.P50), y - 9, axis.X(s.P50), y + 9, "#111827", 3);
                SvgText.Line(svg, axis.X(s.P95), y - 7, axis.X(s.P95), y + 7, "#dc2626", 1.5);
            }
            SvgText.Label(svg, Width - Right + 8, y + 4, model.Stats.NotOk == 0 ? "no failures" : $"{model.Stats.NotOk} failed", "start", model.Stats.NotOk == 0 ? " fill=\"#6b7280\"" : " fill=\"#b91c1c\"");
        }
        double axisY = Top + report.Models.Count * RowHeight;
        axis.Draw(svg, axisY, ms => $"{ms / 1000:0.##} s");
        SvgText.Label(svg, (Left + Width - Right) / 2.0, axisY + 38, $"Latency (seconds, {(log ? "log" : "linear")} scale) — black: p50, red: p95", "middle");
        return SvgText.Close(svg);
    }
}
