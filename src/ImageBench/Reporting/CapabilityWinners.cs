using ImageBench.Scoring;

namespace ImageBench.Reporting;

/// <summary>
/// The article's verdict per capability ("GPT Image 2 wins on text accuracy; FLUX on portraits"), as a table: each
/// model's share of the capability's checks with the counts behind it, and the model with the highest share.
/// </summary>
internal static class CapabilityWinners
{
    public const string Title = "Capabilities";

    public static ReportTable? Table(IReadOnlyList<ReportModel> models, RunScores? scores)
    {
        var tallies = scores?.CapabilityTallies();
        if (tallies is null || tallies.Count == 0) return null;
        var capabilities = tallies.Values.SelectMany(t => t.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(Capabilities.Rank).ThenBy(c => c, StringComparer.Ordinal).ToList();
        var rows = capabilities.Select(capability =>
        {
            // TryGetValue, not GetValueOrDefault: a missing struct tally must stay null, not become 0 of 0.
            var cells = models.Select(m => tallies.TryGetValue(m.Id, out var mine) && mine.TryGetValue(capability, out var t) ? t : (CheckTally?)null).ToList();
            return (IReadOnlyList<string>)[capability, .. cells.Select(Cell), Winner(models, cells)];
        }).ToList();
        return new ReportTable(Title, ["Capability", .. models.Select(m => m.Name), "Winner"], rows,
            "Share of the capability's checks passed (passed of checked). Text rendering comes from OCR, style from the "
            + "pixel-art check, and every capability the checklist judge asked about counts one check per image. The winner "
            + "has the highest share; equal shares are a tie. With a handful of checks one image decides it: read the counts."
            + JudgeLines.Usage(scores!));
    }

    private static string Cell(CheckTally? t) =>
        t is { } tally ? $"{ReportFormat.Percent(tally.Share)} ({tally.Passed} of {tally.Checked})" : "not checked";

    private static string Winner(IReadOnlyList<ReportModel> models, IReadOnlyList<CheckTally?> cells)
    {
        var scored = models.Zip(cells).Where(x => x.Second is not null).Select(x => (x.First.Name, Share: x.Second!.Value.Share)).ToList();
        if (scored.Count == 0) return "–";
        if (scored.Count == 1) return models.Count == 1 ? scored[0].Name : $"only {scored[0].Name} checked";
        var best = scored.Max(s => s.Share);
        var top = scored.Where(s => s.Share == best).Select(s => s.Name).ToList();
        return top.Count == 1 ? top[0] : $"tie ({string.Join(", ", top)})";
    }
}
