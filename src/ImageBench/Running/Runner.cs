using ImageBench.Catalog;
using ImageBench.Providers;
using ImageBench.Storage;

namespace ImageBench.Running;

/// <summary>
/// Runs a plan: slots already done in the store are skipped (resume), async jobs already submitted are polled
/// by id rather than paid for again, and the rest run in plan order with bounded concurrency per provider lane
/// (one lane per provider family and host, so two models behind one API share its limit).
/// </summary>
public sealed class Runner(
    ProviderRegistry providers,
    ICredentialSource credentials,
    IRunStore store,
    ImageFileStore images,
    TimeProvider time,
    RunnerOptions options,
    IRunProgress progress)
{
    public async Task<RunResult> RunAsync(RunPlan plan, string runId, CancellationToken ct)
    {
        var keys = plan.Models.ToDictionary(m => m.Id, credentials.For);
        foreach (var model in plan.Models) providers.For(model.Provider);
        if (options.BudgetUsd is not null && plan.Models.FirstOrDefault(m => CostCalculator.Estimate(m) is null) is { } unpriced)
            throw new Configuration.InputException($"--budget needs a per-image price to estimate calls, and model '{unpriced.Id}' has none for {unpriced.DefaultWidth}x{unpriced.DefaultHeight} (add per_image to its price in a models file)");

        var prior = (await store.LoadSlotsAsync(ct).ConfigureAwait(false)).ToDictionary(s => s.Key);
        var spent = prior.Values.Sum(s => s.Attempt?.CostUsd ?? 0);
        var todo = plan.Slots.Where(s => !prior.TryGetValue(s.Key, out var p) || p.Phase != SlotPhase.Done).ToList();
        var budget = new BudgetGuard(options.BudgetUsd, spent);
        var executor = new AttemptExecutor(store, images, time, options.AttemptTimeout);
        var finished = plan.Slots.Count - todo.Count;
        var notRun = 0;

        async Task Worker(IReadOnlyList<PlannedSlot> lane, Func<int> next)
        {
            for (var i = next(); i < lane.Count && !ct.IsCancellationRequested; i = next())
            {
                var slot = lane[i];
                var state = prior.GetValueOrDefault(slot.Key);
                // A submitted job is already paid for: finishing it never needs budget.
                var estimate = state?.Phase == SlotPhase.Submitted ? 0m : CostCalculator.Estimate(slot.Model) ?? 0m;
                if (!budget.TryReserve(estimate))
                {
                    Interlocked.Increment(ref notRun);
                    continue;
                }
                var attempt = await executor.RunAsync(runId, slot, providers.For(slot.Model.Provider), keys[slot.Model.Id], state, ct).ConfigureAwait(false);
                budget.Settle(estimate, attempt?.CostUsd);
                if (attempt is not null)
                    progress.AttemptFinished(attempt, Interlocked.Increment(ref finished), plan.Slots.Count);
            }
        }

        var lanes = todo.GroupBy(s => LaneKey(s.Model)).Select(lane =>
        {
            var slots = lane.ToList();
            var cursor = -1;
            var width = Math.Min(slots.Count, slots.Min(s => s.Model.Concurrency));
            return Task.WhenAll(Enumerable.Range(0, width).Select(_ => Task.Run(() => Worker(slots, () => Interlocked.Increment(ref cursor)), CancellationToken.None)));
        }).ToList();
        await Task.WhenAll(lanes).ConfigureAwait(false);

        if (budget.Exhausted && options.BudgetUsd is { } limit)
            progress.BudgetReached(budget.Spent, limit, notRun);
        return new RunResult(finished - (plan.Slots.Count - todo.Count), notRun, ct.IsCancellationRequested, budget.Spent);
    }

    private static string LaneKey(ModelEntry model) => $"{model.Provider}@{model.BaseUrl.Authority}";
}
