namespace ImageBench.Storage;

/// <summary>What a worker asks the ledger for: the next slot of its models, in plan order, within the budget.</summary>
/// <param name="Owner">The claiming process (<see cref="LedgerOwner.Id"/>).</param>
/// <param name="EstimateUsd">Per model: what one new call is expected to cost (reserved against the budget).</param>
/// <param name="BudgetUsd">The run's spending limit, checked against everything spent and reserved in the ledger by every process.</param>
public sealed record ClaimRequest(string Owner, IReadOnlyDictionary<string, decimal> EstimateUsd, TimeSpan Lease, decimal? BudgetUsd);

/// <summary>The ledger's answer to a <see cref="ClaimRequest"/>.</summary>
public abstract record ClaimResult
{
    private ClaimResult() { }

    public sealed record Claimed(Claim Claim) : ClaimResult;

    /// <summary>Nothing of these models is left to claim now.</summary>
    /// <param name="HeldByOthers">Slots of these models not done yet and held under a live lease by another owner.</param>
    public sealed record NoneLeft(int HeldByOthers) : ClaimResult;

    /// <summary>The next slot in plan order would take spending past the budget.</summary>
    public sealed record OverBudget(decimal SpentUsd, decimal ReservedUsd, decimal EstimateUsd) : ClaimResult;
}
