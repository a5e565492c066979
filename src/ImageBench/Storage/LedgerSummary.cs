namespace ImageBench.Storage;

/// <summary>How far a run's ledger has got, and who works on it: what reports and the web app say about a run's status.</summary>
public sealed record LedgerSummary(
    int Planned,
    int Claimed,
    int Sent,
    int Submitted,
    int Done,
    int HeldByLiveOwners,
    IReadOnlyList<LedgerOwnerState> Owners,
    int SupersededAttempts)
{
    public int Total => Planned + Claimed + Sent + Submitted + Done;

    /// <summary>Money spent by every process on this run: done attempts and superseded ones (paid duplicates).</summary>
    public decimal SpentUsd { get; init; }

    public RunStatus Status
    {
        get
        {
            if (Total > 0 && Done == Total) return RunStatus.Finished;
            if (Owners.Any(o => o.IsLive)) return RunStatus.Running;
            var last = Owners.OrderBy(o => o.EndedAt ?? o.HeartbeatAt).LastOrDefault();
            if (last is null) return Claimed + Sent + Submitted > 0 ? RunStatus.InterruptedByCrash : RunStatus.NotStarted;
            return last.Ending switch
            {
                OwnerEndings.Cancelled => RunStatus.InterruptedByUser,
                OwnerEndings.Budget => RunStatus.StoppedAtBudget,
                _ => RunStatus.InterruptedByCrash,
            };
        }
    }
}

/// <param name="Stale">No heartbeat for longer than a lease: the process is gone or hung.</param>
public sealed record LedgerOwnerState(LedgerOwner Owner, DateTimeOffset HeartbeatAt, DateTimeOffset? EndedAt, string? Ending, bool Stale)
{
    public bool IsLive => EndedAt is null && !Stale;
}

public enum RunStatus
{
    NotStarted,
    Running,
    Finished,
    /// <summary>The last process stopped starting calls because the budget was reached, with slots left.</summary>
    StoppedAtBudget,
    InterruptedByUser,
    /// <summary>The last process working on it ended without a word: a crash, a kill or power loss.</summary>
    InterruptedByCrash,
}
