using ImageBench.Reporting;
using ImageBench.Storage;

namespace ImageBench.Tests.Reporting;

public sealed class RunStatusSentenceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static LedgerOwnerState Owner(string id, string? ending, bool stale = false, int minutes = 0) =>
        new(new LedgerOwner(id, "other-host", 1, null, T0.AddMinutes(minutes)), T0.AddMinutes(minutes + 1), ending is null ? null : T0.AddMinutes(minutes + 2), ending, stale);

    private static LedgerSummary Ledger(int done, int sent, params LedgerOwnerState[] owners) => new(0, 0, sent, 0, done, 0, owners, 0);

    [Fact]
    public void A_finished_run_needs_no_sentence() =>
        Assert.Null(RunStatusSentence.Of(Ledger(12, 0, Owner("a", OwnerEndings.Finished))));

    [Fact]
    public void Ctrl_c_is_the_user_not_a_crash()
    {
        var sentence = RunStatusSentence.Of(Ledger(5, 2, Owner("a", OwnerEndings.Cancelled)))!;
        Assert.StartsWith("Interrupted by the user (Ctrl-C) with 5 of 7 slots done", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("crash", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_process_that_vanished_is_a_crash_and_the_last_process_to_stop_decides()
    {
        Assert.StartsWith("Interrupted: the process running it stopped without finishing",
            RunStatusSentence.Of(Ledger(5, 2, Owner("a", OwnerEndings.Cancelled), Owner("b", null, stale: true, minutes: 5)))!, StringComparison.Ordinal);
        Assert.StartsWith("Interrupted by the user",
            RunStatusSentence.Of(Ledger(5, 2, Owner("a", OwnerEndings.Died), Owner("b", OwnerEndings.Cancelled, minutes: 5)))!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_live_owner_means_in_progress_and_a_budget_stop_says_how_to_go_on()
    {
        Assert.StartsWith("In progress: 5 of 7 slots done", RunStatusSentence.Of(Ledger(5, 2, Owner("a", null)))!, StringComparison.Ordinal);
        Assert.Contains("raise --budget", RunStatusSentence.Of(Ledger(5, 2, Owner("a", OwnerEndings.Budget)))!, StringComparison.Ordinal);
    }

    [Fact]
    public void Superseded_paid_results_are_said_even_when_the_run_finished()
    {
        var sentence = RunStatusSentence.Of(new LedgerSummary(0, 0, 0, 0, 12, 0, [Owner("a", OwnerEndings.Finished)], 1));
        Assert.StartsWith("1 paid result(s) came back after their slot had been taken over", sentence, StringComparison.Ordinal);
    }
}
