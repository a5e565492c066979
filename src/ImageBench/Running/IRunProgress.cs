using ImageBench.Attempts;
using ImageBench.Running;

namespace ImageBench.Running;

/// <summary>Hears about attempts as they finish (the CLI prints one line each).</summary>
public interface IRunProgress
{
    void AttemptFinished(Attempt attempt, int finished, int total);
    void BudgetReached(decimal spent, decimal limit, int slotsNotRun);
}

public sealed class SilentProgress : IRunProgress
{
    public static readonly SilentProgress Instance = new();
    public void AttemptFinished(Attempt attempt, int finished, int total) { }
    public void BudgetReached(decimal spent, decimal limit, int slotsNotRun) { }
}
