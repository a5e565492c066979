using ImageBench.Attempts;

namespace ImageBench.Running;

/// <summary>Hears about attempts as they finish (the CLI prints one line each).</summary>
public interface IRunProgress
{
    void AttemptFinished(Attempt attempt, int finished, int total);
    void BudgetReached(decimal spent, decimal limit, int slotsNotRun);

    /// <summary>Paid work that came back after another process had taken its slot over: kept, counted, not the slot's.</summary>
    void AttemptSuperseded(Attempt attempt) { }

    /// <summary>Nothing left to claim, but another live process still holds this many slots: waiting for them.</summary>
    void WaitingForOthers(int heldByOthers) { }
}

public sealed class SilentProgress : IRunProgress
{
    public static readonly SilentProgress Instance = new();
    public void AttemptFinished(Attempt attempt, int finished, int total) { }
    public void BudgetReached(decimal spent, decimal limit, int slotsNotRun) { }
}
