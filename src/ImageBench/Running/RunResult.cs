namespace ImageBench.Running;

/// <param name="Finished">Attempts stored in this invocation.</param>
/// <param name="NotRunBudget">Slots not started because the budget would have been exceeded.</param>
/// <param name="Cancelled">True when Ctrl-C stopped the run; <c>--resume</c> continues it.</param>
public sealed record RunResult(int Finished, int NotRunBudget, bool Cancelled, decimal SpentUsd);
