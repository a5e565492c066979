namespace ImageBench.Storage;

/// <summary>
/// The run store as a ledger shared by every process working on the run: slots are planned, claimed under a
/// lease, renewed by heartbeat and released, and budget is reserved in the same transaction as the claim, so two
/// processes neither send the same slot twice nor overspend a budget together. SQLite takes the write lock with
/// BEGIN IMMEDIATE; a PostgreSQL ledger does the same with FOR UPDATE SKIP LOCKED.
/// </summary>
public interface IAttemptLedger : IRunStore
{
    /// <summary>Puts every slot of the plan in the ledger in plan order (idempotent: slots already there keep their phase).</summary>
    Task PlanAsync(IReadOnlyList<SlotKey> slots, CancellationToken ct);

    Task RegisterOwnerAsync(LedgerOwner owner, TimeSpan lease, CancellationToken ct);

    /// <summary>The first claimable slot of the request's models in plan order, claimed with a lease and its budget reserved.</summary>
    Task<ClaimResult> ClaimNextAsync(ClaimRequest request, CancellationToken ct);

    /// <summary>Extends every live claim of <paramref name="owner"/> and its heartbeat. Returns how many claims it held.</summary>
    Task<int> RenewAsync(string owner, TimeSpan lease, CancellationToken ct);

    /// <summary>Gives a claim back without finishing it: unsent slots return to planned, sent or submitted ones keep their phase with no lease.</summary>
    Task ReleaseAsync(Claim claim, CancellationToken ct);

    /// <summary>Records how the owner stopped and releases whatever it still held.</summary>
    Task EndOwnerAsync(string owner, string ending, CancellationToken ct);

    Task<LedgerSummary> LoadLedgerAsync(CancellationToken ct);
}
