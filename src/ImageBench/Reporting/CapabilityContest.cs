using ImageBench.Scoring;
using ImageBench.Statistics;

namespace ImageBench.Reporting;

/// <summary>
/// One capability's result across models: each model's tally, and a winner only when Fisher's exact test separates
/// the best share from every other model's at 5 %. Otherwise <see cref="Level"/> lists the best and every model the
/// test could not tell from it — two models at 2 of 2 and 1 of 2 are level, however the shares read.
/// </summary>
public sealed record CapabilityContest(string Capability, IReadOnlyList<(ReportModel Model, CheckTally Tally)> Scored)
{
    public const double Alpha = 0.05;

    /// <summary>The model with the highest share when the test separates it from each other scored model; else null.</summary>
    public ReportModel? Winner => Scored.Count > 1 && Level.Count == 1 ? Level[0] : null;

    /// <summary>The best-share model first, then every model not separated from it (in column order).</summary>
    public IReadOnlyList<ReportModel> Level { get; } = LevelWithBest(Scored);

    /// <summary>The contests of every capability any model was checked on, in the article's order.</summary>
    public static IReadOnlyList<CapabilityContest> All(IReadOnlyList<ReportModel> models, RunScores? scores)
    {
        ArgumentNullException.ThrowIfNull(models);
        var tallies = scores?.CapabilityTallies();
        if (tallies is null || tallies.Count == 0) return [];
        return tallies.Values.SelectMany(t => t.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(Capabilities.Rank).ThenBy(c => c, StringComparer.Ordinal)
            .Select(capability => new CapabilityContest(capability, models
                .Where(m => tallies.TryGetValue(m.Id, out var mine) && mine.ContainsKey(capability))
                .Select(m => (m, tallies[m.Id][capability])).ToList()))
            .ToList();
    }

    /// <summary>The tally of <paramref name="model"/>, or null when it was not checked on this capability.</summary>
    public CheckTally? TallyOf(ReportModel model) =>
        Scored.Where(s => s.Model.Id == model.Id).Select(s => (CheckTally?)s.Tally).FirstOrDefault();

    private static List<ReportModel> LevelWithBest(IReadOnlyList<(ReportModel Model, CheckTally Tally)> scored)
    {
        if (scored.Count == 0) return [];
        // The first of equal best shares leads; the others are level with it anyway (p = 1).
        var best = scored.OrderByDescending(s => s.Tally.Share).First();
        return [best.Model, .. scored.Where(s => s.Model.Id != best.Model.Id
            && !FisherExact.Separates(best.Tally.Passed, best.Tally.Checked, s.Tally.Passed, s.Tally.Checked, Alpha)).Select(s => s.Model)];
    }
}
