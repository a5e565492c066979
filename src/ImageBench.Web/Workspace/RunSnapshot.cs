using ImageBench.Attempts;
using ImageBench.Storage;
using ImageBench.Suites;

namespace ImageBench.Web.Workspace;

/// <summary>A run as its store held it at one moment: manifest, every slot, and the suite if it can still be read.</summary>
/// <param name="Suite">Null when the suite file moved or no longer parses: prompts then show by id only.</param>
public sealed record RunSnapshot(RunDirectory Run, RunManifest Manifest, IReadOnlyList<SlotState> Slots, Suite? Suite, StoreStamp Stamp)
{
    public IReadOnlyList<Attempt> Attempts { get; } = Slots.Where(s => s.Attempt is not null).Select(s => s.Attempt!).ToList();

    /// <summary>Slots planned per model (prompts × repeat); null without the suite.</summary>
    public int? PlannedPerModel => Suite is null ? null : Suite.Prompts.Count * Manifest.Repeat;

    /// <summary>Whether the suite's plan has this slot; a store can also hold slots of prompts the suite no longer lists.</summary>
    public bool IsPlanned(SlotKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Suite is not null && key.Repeat < Manifest.Repeat && Suite.Prompts.Any(p => p.Id == key.PromptId);
    }

    /// <summary>Who works on the run, from the ledger's owners table; null when the store predates it.</summary>
    public LedgerSummary? Ledger { get; init; }

    public RunStatus StatusAt(DateTimeOffset now) =>
        RunStatusRule.Of(Slots, Ledger is { Owners.Count: > 0 } ledger
            ? ledger.Owners.Any(o => o.IsLive)
            : RunActivity.IsWorkedOn(Stamp, RunActivity.LeaseOf(Manifest), now));
}
