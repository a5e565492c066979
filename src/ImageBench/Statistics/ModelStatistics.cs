using ImageBench.Attempts;

namespace ImageBench.Statistics;

/// <summary>Turns one model's attempts into <see cref="ModelStats"/>. Pure: same attempts, same numbers.</summary>
public static class ModelStatistics
{
    private static readonly string[] PhaseOrder = [PhaseNames.Submit, PhaseNames.Queued, PhaseNames.Generating, PhaseNames.Download];

    /// <summary>Statistics of the attempts whose <see cref="Attempt.Model"/> is <paramref name="model"/> (others are ignored).</summary>
    public static ModelStats For(string model, IReadOnlyList<Attempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var mine = attempts.Where(a => a.Model == model).ToList();
        var ok = mine.Where(a => a.Outcome == AttemptOutcome.Ok).ToList();
        int Count(AttemptOutcome o) => mine.Count(a => a.Outcome == o);

        int cancelled = Count(AttemptOutcome.Cancelled);
        int decided = mine.Count - cancelled;
        // A call's cost is the whole call's; per image it is divided by the images that came back (usually one).
        var costed = ok.Where(a => a.CostUsd is not null).ToList();
        int costedImages = costed.Sum(ImagesOf);
        decimal? meanCost = costedImages > 0 ? costed.Sum(a => a.CostUsd!.Value) / costedImages : null;
        decimal spent = mine.Sum(a => a.CostUsd ?? 0m);
        int okImages = ok.Sum(ImagesOf);

        return new ModelStats
        {
            Model = model,
            Attempts = mine.Count,
            Ok = ok.Count,
            Refused = Count(AttemptOutcome.Refused),
            ProviderErrors = Count(AttemptOutcome.ProviderError),
            Timeouts = Count(AttemptOutcome.Timeout),
            InvalidResponses = Count(AttemptOutcome.InvalidResponse),
            Cancelled = cancelled,
            Retried = mine.Count(a => a.Retries.Count > 0),
            TotalRetries = mine.Sum(a => a.Retries.Count),
            InterruptedCalls = mine.Sum(a => a.InterruptedCalls),
            EmulatorTimeScale = mine.Select(a => a.EmulatorTimeScale).FirstOrDefault(s => s is not null),
            SuccessRate = decided > 0 ? (double)ok.Count / decided : null,
            Latency = SampleSummary.Of(ok.Select(a => a.LatencyMs).ToList()),
            // Never below zero: a recorder rounding error must not produce negative latency.
            LatencyExcludingRetries = SampleSummary.Of(ok.Select(a => Math.Max(0, a.LatencyMs - a.RetryOverheadMs)).ToList()),
            ServerMs = SampleSummary.Of(ok.Where(a => a.ServerMs is not null).Select(a => a.ServerMs!.Value).ToList()),
            ServerMsSources = CountBy(ok.Where(a => a.ServerMs is not null), a => a.ServerMsSource ?? "unknown"),
            Phases = PhaseMeans(ok),
            Formats = ok.Where(a => a.Image is not null)
                .GroupBy(a => a.Image!.Format, StringComparer.OrdinalIgnoreCase)
                .Select(g => new FormatCount(g.Key.ToLowerInvariant(), g.Count(), g.Average(a => (double)a.Image!.Bytes)))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Format, StringComparer.Ordinal).ToList(),
            Dimensions = ok.Where(a => a.Image is not null)
                .GroupBy(a => (a.Image!.Width, a.Image.Height))
                .Select(g => new DimensionCount(g.Key.Width, g.Key.Height, g.Count()))
                .OrderByDescending(d => d.Count).ThenBy(d => d.Width).ThenBy(d => d.Height).ToList(),
            MeanCostPerOkImageUsd = meanCost,
            CostPer1000ImagesUsd = meanCost * 1000m,
            TotalSpentUsd = spent,
            UnpricedImages = ok.Count(a => a.CostUsd is null),
            SpentPerOkImageUsd = okImages > 0 && mine.Any(a => a.CostUsd is not null) ? spent / okImages : null,
            ImagesReturned = okImages,
            CallsWithExtraImages = ok.Count(a => ImagesOf(a) > 1),
            CostSources = CountBy(mine.Where(a => a.CostUsd is not null), a => a.CostSource),
        };
    }

    /// <summary>
    /// The images an OK attempt's cost covers: <see cref="Attempt.ImagesReturned"/>, or 1 for an attempt stored by
    /// an ImageBench that did not count them yet (the field reads 0 there, though the image is present).
    /// </summary>
    public static int ImagesOf(Attempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return Math.Max(attempt.ImagesReturned, attempt.Image is null ? 0 : 1);
    }

    private static List<PhaseMean> PhaseMeans(List<Attempt> ok) =>
        ok.SelectMany(a => a.Phases)
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .Select(g => new PhaseMean(g.Key, g.Average(p => p.DurationMs), g.Count()))
            .OrderBy(p => PhaseRank(p.Phase))
            .ThenBy(p => p.Phase, StringComparer.Ordinal)
            .ToList();

    /// <summary>Protocol order of a phase (submit, queued, generating, download); unknown phases sort last.</summary>
    public static int PhaseRank(string phase) => Array.IndexOf(PhaseOrder, phase) is var i && i >= 0 ? i : PhaseOrder.Length;

    private static SortedDictionary<string, int> CountBy(IEnumerable<Attempt> attempts, Func<Attempt, string> key)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in attempts) counts[key(a)] = counts.GetValueOrDefault(key(a)) + 1;
        return counts;
    }
}
