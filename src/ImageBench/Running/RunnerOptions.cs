namespace ImageBench.Running;

public sealed record RunnerOptions
{
    /// <summary>Deadline for one attempt, from its first byte sent to its image stored.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Stop starting calls once the next could take spending past this (USD), counting every process's spending.</summary>
    public decimal? BudgetUsd { get; init; }
    /// <summary>
    /// How long a claim stays this process's without a heartbeat (renewed every third of it). A process that hangs
    /// longer loses its unsent slots to others; one that dies on this host loses them at once.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>How often a process with nothing left to claim looks again while another process still holds slots.</summary>
    public TimeSpan ClaimPollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
