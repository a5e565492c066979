using ImageBench.Catalog;
using ImageBench.Configuration;
using ImageBench.Running;
using ImageBench.Suites;

namespace ImageBench.Storage.Recovery;

/// <summary>
/// What resuming a repaired run will call again: every planned slot not recovered as done is planned again, and
/// re-running it costs money — twice over for a slot whose row was lost after its call was paid.
/// </summary>
/// <param name="PlannedSlots">Slots of the run's plan (prompts × models × repeats).</param>
/// <param name="ToCall">Slots a resume will send a call for (not done; submitted jobs are polled, not counted).</param>
/// <param name="ToPoll">Slots whose submitted job a resume polls by id (already paid, no new call).</param>
/// <param name="LostAfterCall">Of <paramref name="ToCall"/>, slots whose row was in the damaged store but could not be read: probably already paid once.</param>
/// <param name="EstimatedUsd">Catalog per-image price × <paramref name="ToCall"/>, over the models that have one.</param>
/// <param name="UnpricedCalls">Calls to models without a per-image price, not in <paramref name="EstimatedUsd"/>.</param>
public sealed record ReplanEstimate(int PlannedSlots, int ToCall, int ToPoll, int LostAfterCall, decimal EstimatedUsd, int UnpricedCalls)
{
    /// <returns>The estimate, or why there is none (the suite moved or changed: a resume would refuse to run).</returns>
    public static (ReplanEstimate? Estimate, string? Why) For(RunManifest manifest, IReadOnlyCollection<SlotState> recovered, IEnumerable<UnreadableRow> unreadable)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        Suite suite;
        try
        {
            if (!File.Exists(manifest.SuitePath)) return (null, $"the run's suite {manifest.SuitePath} is gone, so its plan is unknown");
            suite = SuiteLoader.Load(manifest.SuitePath);
        }
        catch (Exception e) when (e is InputException or IOException or UnauthorizedAccessException)
        {
            return (null, $"the run's suite no longer loads ({e.Message})");
        }
        if (suite.Sha256 != manifest.SuiteSha256)
            return (null, $"the run's suite {manifest.SuitePath} changed since the run started, so `run --resume` would refuse it");

        RunPlan plan;
        try
        {
            plan = new RunPlan(suite, manifest.Catalog.Select(n => CatalogJson.FromJson(n!.AsObject())).ToList(), manifest.Repeat);
        }
        // The manifest came out of a damaged file: an estimate is worth less than finishing the repair.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, $"the manifest's models cannot be read ({e.Message})");
        }
        var phases = recovered.ToDictionary(s => s.Key, s => s.Phase);
        var lost = unreadable.Select(u => u.Slot).OfType<SlotKey>().ToHashSet();
        var toCall = plan.Slots.Where(s => !phases.TryGetValue(s.Key, out var p) || p == SlotPhase.Sent).ToList();
        var prices = toCall.Select(s => CostCalculator.Estimate(s.Model)).ToList();
        return (new ReplanEstimate(
            plan.Slots.Count,
            toCall.Count,
            plan.Slots.Count(s => phases.GetValueOrDefault(s.Key, SlotPhase.Sent) == SlotPhase.Submitted),
            toCall.Count(s => lost.Contains(s.Key)),
            prices.Sum(p => p ?? 0),
            prices.Count(p => p is null)), null);
    }
}
