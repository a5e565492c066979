using ImageBench.Storage;

namespace ImageBench.Web.Workspace;

/// <summary>Where a run stands, for the Runs page and the live view.</summary>
public enum RunStatus
{
    /// <summary>A process is working on the run (calling, scoring or writing its reports).</summary>
    Running,
    /// <summary>Nobody is working on it and no call is left in flight (every planned slot done, or it stopped early).</summary>
    Finished,
    /// <summary>Nobody is working on it but a call was in flight (sent, or submitted and not collected): a crash. <c>run --resume</c> continues it.</summary>
    Interrupted,
}

/// <summary>
/// The one rule that decides a run's status, so the Runs page, the run page and the live stream agree.
/// </summary>
/// <remarks>
/// "Is anyone working on it" is the ledger's answer (an owner whose heartbeat is fresh and whose process is not
/// gone); a store without owners (written before the ledger) falls back to its files (<see cref="RunActivity"/>).
/// </remarks>
public static class RunStatusRule
{
    public static RunStatus Of(IReadOnlyList<SlotState> slots, bool someoneIsWorking)
    {
        ArgumentNullException.ThrowIfNull(slots);
        if (someoneIsWorking) return RunStatus.Running;
        return slots.Any(s => IsInFlight(s.Phase)) ? RunStatus.Interrupted : RunStatus.Finished;
    }

    /// <summary>Claimed, sent or submitted: a slot some process took on and did not finish (planned ones are waiting).</summary>
    public static bool IsInFlight(SlotPhase phase) => phase is SlotPhase.Claimed or SlotPhase.Sent or SlotPhase.Submitted;

    public static string Name(RunStatus status) => status switch
    {
        RunStatus.Running => "running",
        RunStatus.Interrupted => "interrupted",
        _ => "finished",
    };
}

/// <summary>
/// Whether a process is working on a run, read from its store's files: the writer keeps the SQLite -wal file and
/// commits to it at least once per attempt (when a call is sent and when it lands). A -wal file not written for
/// longer than any attempt may take (the run's attempt timeout, plus a grace period) belongs to a process that is
/// gone. A reader in another process (<c>imagebench report</c>) also keeps a -wal file briefly; it reads as
/// "running" until the lease runs out.
/// </summary>
public static class RunActivity
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromMinutes(5);

    public static bool IsWorkedOn(StoreStamp stamp, TimeSpan lease, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        return stamp.LogWritten is { } written && now - written < lease;
    }

    /// <summary>The run's attempt timeout (from its manifest) plus <see cref="Grace"/>.</summary>
    public static TimeSpan LeaseOf(RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var timeout = manifest.Parameters["attempt_timeout_s"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<double>(out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultAttemptTimeout;
        return timeout + Grace;
    }
}
