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

    /// <summary>Marks a slot as having a synchronous call in flight (before the first byte is sent).</summary>
    Task MarkSentAsync(SlotKey slot, CancellationToken ct);

    /// <summary>Records an accepted async job before it is polled.</summary>
    Task SaveJobAsync(SlotKey slot, JobHandle job, CancellationToken ct);

    /// <summary>Records a finished attempt; the slot becomes <see cref="SlotPhase.Done"/>.</summary>
    Task SaveAttemptAsync(Attempt attempt, CancellationToken ct);

    /// <summary>Every slot that has been written, in any phase.</summary>
    Task<IReadOnlyList<SlotState>> LoadSlotsAsync(CancellationToken ct);

    Task<IReadOnlyList<Attempt>> LoadAttemptsAsync(CancellationToken ct);
}
