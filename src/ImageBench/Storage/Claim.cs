using ImageBench.Providers;

namespace ImageBench.Storage;

/// <summary>
/// One process's right to work on one slot until its lease runs out: the unit of work of the ledger, the same
/// whether the ledger is one SQLite file shared by processes on one machine or a database shared by workers.
/// Only the owner of a live claim may send; whatever the claim finds (<see cref="Phase"/>) says how to go on:
/// a submitted job is polled by id, a sent call was lost and is counted before it is sent again.
/// </summary>
/// <param name="Phase">The slot's phase when it was claimed (planned, claimed, sent, submitted).</param>
/// <param name="ReservedUsd">Budget reserved for this claim until its attempt is saved.</param>
public sealed record Claim(SlotKey Key, string Owner, SlotPhase Phase, JobHandle? Job, int InterruptedCalls, decimal ReservedUsd)
{
    /// <summary>The claim behind the store's unowned writes (imports, repairs, tests): valid while nobody else holds a live lease.</summary>
    public static Claim Unowned(SlotKey key) => new(key, "", SlotPhase.Planned, null, 0, 0);

    public bool IsUnowned => Owner.Length == 0;
}
