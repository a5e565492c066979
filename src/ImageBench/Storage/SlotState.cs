using ImageBench.Attempts;
using ImageBench.Providers;

namespace ImageBench.Storage;

/// <summary>Where a slot stood when the store was last written — what <c>run --resume</c> starts from.</summary>
public enum SlotPhase
{
    /// <summary>A synchronous call was sent and may have been paid for; its answer was never stored.</summary>
    Sent,
    /// <summary>An async job was accepted; <see cref="SlotState.Job"/> finds it again.</summary>
    Submitted,
    /// <summary>An attempt is stored for the slot.</summary>
    Done,
}

/// <param name="InterruptedCalls">Calls sent for this slot whose result was lost to a crash.</param>
public sealed record SlotState(SlotKey Key, SlotPhase Phase, JobHandle? Job, int InterruptedCalls, Attempt? Attempt);
