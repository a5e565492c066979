using ImageBench.Attempts;
using ImageBench.Providers;

namespace ImageBench.Storage;

/// <summary>
/// Where a slot stands in the run's ledger. The phase says where the money is; who works on the slot is the
/// claim (<see cref="SlotState.Owner"/> and its lease), kept beside it.
/// <code>
///   planned ─claim→ claimed ─mark sent→ sent ─job accepted→ submitted ─attempt saved→ done
/// </code>
/// </summary>
public enum SlotPhase
{
    /// <summary>A synchronous call was sent and may have been paid for; its answer was never stored.</summary>
    Sent,
    /// <summary>An async job was accepted; <see cref="SlotState.Job"/> finds it again.</summary>
    Submitted,
    /// <summary>An attempt is stored for the slot.</summary>
    Done,
    /// <summary>In the plan; nothing has been sent for it.</summary>
    Planned,
    /// <summary>A process has claimed it and may send; nothing has been sent yet.</summary>
    Claimed,
}

/// <param name="InterruptedCalls">Calls sent for this slot whose answer was lost (crash, kill, lease taken over).</param>
/// <param name="Owner">The process holding (or last holding) the claim; null when unclaimed.</param>
/// <param name="LeaseUntil">When the owner's claim runs out unless renewed; null when no claim is live.</param>
public sealed record SlotState(SlotKey Key, SlotPhase Phase, JobHandle? Job, int InterruptedCalls, Attempt? Attempt)
{
    public string? Owner { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
}
