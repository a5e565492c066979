using ImageBench.Catalog;
using ImageBench.Providers;
using ImageBench.Storage;

namespace ImageBench.Running;

/// <summary>
/// Runs a plan through the run's ledger. The plan's slots are put in the ledger, then each provider lane (one per
/// provider family and host, so two models behind one API share its limit) claims slots one at a time in plan
/// order with bounded concurrency, and renews its leases by heartbeat while it works. Any number of processes can
/// run the same plan on one ledger: each slot is claimed by one of them, done slots are skipped, submitted jobs
/// are polled by id rather than paid for again, and a slot left by a process that died returns to the pool.
/// </summary>
public sealed class Runner(
    ProviderRegistry providers,
    ICredentialSource credentials,
    IAttemptLedger store,
    ImageFileStore images,
    TimeProvider time,
    RunnerOptions options,
    IRunProgress progress)
{
    public async Task<RunResult> RunAsync(RunPlan plan, string runId, CancellationToken ct)
    {
        var keys = plan.Models.ToDictionary(m => m.Id, credentials.For);
        foreach (var model in plan.Models) providers.For(model.Provider);
        RequireEstimates(plan.Models, options.BudgetUsd);

        // Every stored row is read once before anything is written: a damaged row stops the run here, before the
        // ledger changes or anything is paid for (UnusableStoreException, exit 2).
        await store.LoadSlotsAsync(ct).ConfigureAwait(false);
        await store.PlanAsync([.. plan.Slots.Select(s => s.Key)], ct).ConfigureAwait(false);
        var owner = LedgerOwner.ForThisProcess(time);
        await store.RegisterOwnerAsync(owner, options.Lease, ct).ConfigureAwait(false);
        var startedDone = (await store.LoadLedgerAsync(ct).ConfigureAwait(false)).Done;
        var slots = plan.Slots.ToDictionary(s => s.Key);
        var executor = new AttemptExecutor(store, images, time, options.AttemptTimeout);
        var state = new RunState(startedDone);
        var ending = OwnerEndings.Failed;
        try
        {
            await using (new LeaseHeartbeat(store, owner.Id, options.Lease, time))
            {
                var lanes = plan.Models.GroupBy(LaneKey).Select(lane =>
                {
                    var request = new ClaimRequest(owner.Id, lane.ToDictionary(m => m.Id, m => CostCalculator.Estimate(m) ?? 0m), options.Lease, options.BudgetUsd);
                    var width = lane.Min(m => m.Concurrency);
                    return Task.WhenAll(Enumerable.Range(0, width).Select(_ => Task.Run(() => WorkAsync(request), CancellationToken.None)));
                }).ToList();
                await Task.WhenAll(lanes).ConfigureAwait(false);
            }
            ending = ct.IsCancellationRequested ? OwnerEndings.Cancelled : state.OverBudget ? OwnerEndings.Budget : OwnerEndings.Finished;
        }
        finally
        {
            // Whatever this process still holds goes back to the pool at once, for a --resume or a sibling process.
            await store.EndOwnerAsync(owner.Id, ct.IsCancellationRequested ? OwnerEndings.Cancelled : ending, CancellationToken.None).ConfigureAwait(false);
        }

        var summary = await store.LoadLedgerAsync(CancellationToken.None).ConfigureAwait(false);
        var notRun = state.OverBudget ? summary.Planned : 0;
        if (state.OverBudget && options.BudgetUsd is { } limit)
            progress.BudgetReached(summary.SpentUsd, limit, notRun);
        return new RunResult(state.Stored, notRun, ct.IsCancellationRequested, summary.SpentUsd);

        async Task WorkAsync(ClaimRequest request)
        {
            try
            {
                await ClaimAndRunAsync(request).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl-C while claiming or waiting for another process: nothing was sent; the claims are released below.
            }
        }

        async Task ClaimAndRunAsync(ClaimRequest request)
        {
            while (!ct.IsCancellationRequested && !state.OverBudget)
            {
                var answer = await store.ClaimNextAsync(request, ct).ConfigureAwait(false);
                if (answer is ClaimResult.OverBudget)
                {
                    state.OverBudget = true;
                    return;
                }
                if (answer is ClaimResult.NoneLeft left)
                {
                    // Slots held by another live process are not finished yet: wait, and take them over if it dies.
                    if (left.HeldByOthers == 0) return;
                    progress.WaitingForOthers(left.HeldByOthers);
                    await Task.Delay(options.ClaimPollInterval, time, ct).ConfigureAwait(false);
                    continue;
                }
                var claim = ((ClaimResult.Claimed)answer).Claim;
                var slot = slots[claim.Key];
                var done = await executor.RunAsync(runId, slot, providers.For(slot.Model.Provider), keys[slot.Model.Id], claim, ct).ConfigureAwait(false);
                if (done is not { } finished)
                {
                    if (!ct.IsCancellationRequested) await store.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
                    continue;
                }
                if (!finished.Recorded)
                {
                    progress.AttemptSuperseded(finished.Attempt);
                    continue;
                }
                progress.AttemptFinished(finished.Attempt, state.CountStored(), plan.Slots.Count);
            }
        }
    }

    /// <summary>A budget can only be kept when every call's price can be estimated before it is sent.</summary>
    /// <exception cref="Configuration.InputException">A model has no per-image price for its default size.</exception>
    public static void RequireEstimates(IEnumerable<ModelEntry> models, decimal? budgetUsd)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (budgetUsd is not null && models.FirstOrDefault(m => CostCalculator.Estimate(m) is null) is { } unpriced)
            throw new Configuration.InputException($"--budget needs a per-image price to estimate calls, and model '{unpriced.Id}' has none for {unpriced.DefaultWidth}x{unpriced.DefaultHeight} (add per_image to its price in a models file)");
    }

    private static string LaneKey(ModelEntry model) => $"{model.Provider}@{model.BaseUrl.Authority}";

    /// <summary>What the lanes of one invocation share.</summary>
    private sealed class RunState(int doneAtStart)
    {
        private int _stored;
        private int _done = doneAtStart;
        private volatile bool _overBudget;

        /// <summary>Once one claim is refused for budget no later one starts, so where a run stops does not depend on which calls finish first.</summary>
        public bool OverBudget { get => _overBudget; set => _overBudget = value; }
        public int Stored => Volatile.Read(ref _stored);

        /// <returns>The run's done count, as this process knows it.</returns>
        public int CountStored()
        {
            Interlocked.Increment(ref _stored);
            return Interlocked.Increment(ref _done);
        }
    }
}
