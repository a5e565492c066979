using ImageBench.Storage;

namespace ImageBench.Reporting;

/// <summary>The report's line on where a run stands, from its ledger: who stopped it, and what resuming costs.</summary>
public static class RunStatusSentence
{
    /// <returns>Null for a finished run (or one not started): the tables say everything.</returns>
    public static string? Of(LedgerSummary ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var done = $"{ledger.Done} of {ledger.Total} slots done";
        const string resume = "`imagebench run --resume` continues it without paying again for anything stored";
        var superseded = ledger.SupersededAttempts > 0
            ? $" {ledger.SupersededAttempts} paid result(s) came back after their slot had been taken over by another process; they are kept in the store but not counted as the slot's."
            : "";
        var sentence = ledger.Status switch
        {
            RunStatus.Running => $"In progress: {done}, {ledger.HeldByLiveOwners} in flight.",
            RunStatus.InterruptedByUser => $"Interrupted by the user (Ctrl-C) with {done}; {resume}.",
            RunStatus.InterruptedByCrash => $"Interrupted: the process running it stopped without finishing (a crash, a kill or a power loss) with {done}; {resume}.",
            RunStatus.StoppedAtBudget => $"Stopped at the budget with {done}; raise --budget and {resume}.",
            _ => null,
        };
        return sentence is null && superseded.Length == 0 ? null : ((sentence ?? "") + superseded).Trim();
    }
}
