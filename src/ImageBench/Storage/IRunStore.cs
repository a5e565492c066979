using ImageBench.Attempts;
using ImageBench.Providers;

namespace ImageBench.Storage;

/// <summary>
/// Durable state of one run, written as things happen (never only at the end) so a crash loses nothing
/// completed. Every write is committed before the call returns.
/// </summary>
public interface IRunStore : IAsyncDisposable
{
    /// <summary>Creates tables if needed. Safe to call on an existing store.</summary>
    Task InitializeAsync(CancellationToken ct);

    /// <summary>Stores the manifest if none is stored; returns the stored one (the first run's, on resume).</summary>
    Task<RunManifest> SaveOrLoadManifestAsync(RunManifest manifest, CancellationToken ct);

    Task<RunManifest?> LoadManifestAsync(CancellationToken ct);

    /// <summary>Marks a slot as having a call in flight, before its first byte is sent: any create can be billed before its answer arrives.</summary>
    /// <exception cref="LeaseLostException">The claim is no longer live; nothing may be sent.</exception>
    Task MarkSentAsync(Claim claim, CancellationToken ct);

    /// <summary>Records an accepted async job before it is polled (kept as superseded when the claim was lost).</summary>
    Task SaveJobAsync(Claim claim, JobHandle job, CancellationToken ct);

    /// <summary>
    /// Records a finished attempt; the slot becomes <see cref="SlotPhase.Done"/>. The stored attempt's interrupted
    /// calls are the slot's count of calls lost before plus the attempt's own.
    /// </summary>
    /// <returns>False when the slot was no longer this claim's (or already done): the attempt was kept as superseded.</returns>
    Task<bool> SaveAttemptAsync(Claim claim, Attempt attempt, CancellationToken ct);

    /// <summary>Every slot that has been written, in any phase.</summary>
    Task<IReadOnlyList<SlotState>> LoadSlotsAsync(CancellationToken ct);

    Task<IReadOnlyList<Attempt>> LoadAttemptsAsync(CancellationToken ct);
}

/// <summary>Writes outside any claim: imports, repairs and tests that lay out a store by hand.</summary>
public static class UnownedWrites
{
    public static Task MarkSentAsync(this IRunStore store, SlotKey slot, CancellationToken ct) =>
        store.MarkSentAsync(Claim.Unowned(slot), ct);

    public static Task SaveJobAsync(this IRunStore store, SlotKey slot, JobHandle job, CancellationToken ct) =>
        store.SaveJobAsync(Claim.Unowned(slot), job, ct);

    public static Task<bool> SaveAttemptAsync(this IRunStore store, Attempt attempt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return store.SaveAttemptAsync(Claim.Unowned(new SlotKey(attempt.Model, attempt.PromptId, attempt.Repeat)), attempt, ct);
    }
}
