using System.Globalization;

namespace ImageBench.Reporting.Charts;

/// <summary>
/// Chart 4: per model, the mean time of each phase (queued, generating, download, …) stacked into one bar — where
/// the time goes. Phase means come from <see cref="Statistics.ModelStats.Phases"/>, the same figures as the latency table.
/// </summary>
public static class PhasesChart
{
    private const int Width = 900, Left = 170, Right = 40, RowHeight = 26, Top = 58;
    private static readonly string[] Colours = ["#93c5fd", "#2563eb", "#f59e0b", "#10b981", "#a855f7", "#6b7280"];

    public static string? Render(RunReport report)
    {
        var phases = report.Models.SelectMany(m => m.Stats.Phases).Select(p => p.Phase).Distinct().ToList();
        if (phases.Count == 0) return null;
        double max = report.Models.Select(m => m.Stats.Phases.Sum(p => p.MeanMs)).Max();
        if (max <= 0) return null;
        var axis = new ValueAxis(0, max, log: false, Left, Width - Right);
        int height = Top + report.Models.Count * RowHeight + 46;
        var svg = SvgText.Open("chart-phases", Width, height, "Where the time goes",
            "Per model, a bar of the mean milliseconds spent in each phase of an attempt, stacked in order: " + string.Join(", ", phases) + ".");
        double legendX = Left;
        for (int p = 0; p < phases.Count; p++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{SvgText.N(legendX)}\" y=\"30\" width=\"12\" height=\"12\" fill=\"{Colours[p % Colours.Length]}\"/>");
            SvgText.Label(svg, legendX + 16, 40, phases[p]);
            legendX += 30 + phases[p].Length * 7;
        }
        for (int i = 0; i < report.Models.Count; i++)
        {
            var model = report.Models[i];
            double y = Top + i * RowHeight;
            SvgText.Label(svg, Left - 8, y + RowHeight / 2.0 + 4, model.Name, "end");
            double start = 0;
            foreach (var phase in model.Stats.Phases.OrderBy(p => phases.IndexOf(p.Phase)))
            {
                double x0 = axis.X(start), x1 = axis.X(start + phase.MeanMs);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{SvgText.N(x0)}\" y=\"{SvgText.N(y + 4)}\" width=\"{SvgText.N(Math.Max(0, x1 - x0))}\" height=\"{RowHeight - 8}\" fill=\"{Colours[phases.IndexOf(phase.Phase) % Colours.Length]}\"><title>{SvgText.Esc($"{model.Name}: {phase.Phase} {phase.MeanMs / 1000:0.00} s mean")}</title></rect>");
                start += phase.MeanMs;
            }
        }
        double axisY = Top + report.Models.Count * RowHeight;
        axis.Draw(svg, axisY, ms => $"{ms / 1000:0.##} s");
        SvgText.Label(svg, (Left + Width - Right) / 2.0, axisY + 38, "Mean time per attempt (seconds)", "middle");
        return SvgText.Close(svg);
    }
}
