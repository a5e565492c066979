
namespace ImageBench.Running;

public sealed record RunnerOptions
{
    /// <summary>Deadline for one attempt, from its first byte sent to its image stored.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Stop starting calls once the next could take spending past this (USD).</summary>
    public decimal? BudgetUsd { get; init; }
}
