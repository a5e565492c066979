using ImageBench.Scoring;
using ImageBench.Statistics;

namespace ImageBench.Reporting;

/// <summary>
/// The article's verdict per capability ("GPT Image 2 wins on text accuracy; FLUX on portraits"), as a table: each
/// model's share of the capability's checks with the counts and the Wilson 95 % interval behind it, and a winner
/// only where Fisher's exact test separates the best model from every other (<see cref="CapabilityContest"/>).
/// </summary>
internal static class CapabilityWinners
{
    public const string Title = "Capabilities";

    public static ReportTable? Table(IReadOnlyList<ReportModel> models, RunScores? scores)
    {
        var contests = CapabilityContest.All(models, scores);
        if (contests.Count == 0) return null;
        var rows = contests.Select(contest =>
            (IReadOnlyList<string>)[contest.Capability, .. models.Select(m => Cell(contest.TallyOf(m))), Winner(models, contest)]).ToList();
        return new ReportTable(Title, ["Capability", .. models.Select(m => m.Name), "Winner"], rows,
            "Share of the capability's checks passed (passed of checked; Wilson 95 % interval). Text rendering comes from OCR, "
            + "style from the pixel-art check, and every capability the checklist judge asked about counts one check per image. "
            + "A winner is named only when Fisher's exact test separates the best share from every other model's at 5 %; "
            + "otherwise the row says \"not distinguishable\" and lists the models the test cannot tell from the best. "
            + "With a handful of checks per model that is the usual outcome: run more repeats to separate them."
            + JudgeLines.Usage(scores!));
    }

    /// <summary>"66.7% (2 of 3; 21–94%)": share, counts, Wilson 95 % interval in whole percent.</summary>
    public static string Cell(CheckTally? t)
    {
        if (t is not { } tally) return "not checked";
        var (low, high) = WilsonInterval.Of95(tally.Passed, tally.Checked)!.Value;
        return $"{ReportFormat.Percent(tally.Share)} ({tally.Passed} of {tally.Checked}; {WholePercent(low)}–{WholePercent(high)}%)";
    }

    private static string WholePercent(double fraction) =>
        Math.Round(fraction * 100, MidpointRounding.AwayFromZero).ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    private static string Winner(IReadOnlyList<ReportModel> models, CapabilityContest contest)
    {
        if (contest.Scored.Count == 0) return "–";
        if (contest.Scored.Count == 1) return models.Count == 1 ? contest.Scored[0].Model.Name : $"only {contest.Scored[0].Model.Name} checked";
        return contest.Winner is { } winner
            ? winner.Name
            : $"not distinguishable ({string.Join(", ", contest.Level.Select(m => m.Name))})";
    }
}
