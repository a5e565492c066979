using ImageBench.Storage;
using ImageBench.Suites;
using ImageBench.Web.Workspace;

namespace ImageBench.Tests.Web.Workspace;

public sealed class RunProgressTests
{
    private static SlotState Done(string model, string prompt, Attempts.AttemptOutcome outcome = Attempts.AttemptOutcome.Ok) =>
        new(new SlotKey(model, prompt, 0), SlotPhase.Done, null, 0, Storage.SampleRuns.Refused(model, prompt, 0) with { Outcome = outcome, CostUsd = 0.05m });

    private static RunSnapshot Snapshot(params SlotState[] slots) => new(
        new RunDirectory("r", "/tmp/r"),
        Storage.SampleRuns.Manifest() with { Models = ["a", "b"], Repeat = 1, Catalog = [] },
        slots,
        new Suite { Name = "s", Path = "s.yaml", Sha256 = "x", Prompts = [new PromptSpec { Id = "p", Text = "t" }] },
        new StoreStamp(DateTimeOffset.MinValue, 0, null, 0));

    [Fact]
    public void Counts_per_model_with_a_slot_outside_the_plan_counted_in_the_plan_too()
    {
        var progress = RunProgress.Of(Snapshot(Done("a", "p"), Done("a", "not-in-the-suite", Attempts.AttemptOutcome.Timeout),
            new SlotState(new SlotKey("b", "p", 0), SlotPhase.Sent, null, 0, null)));
        var a = progress.Models.Single(m => m.Id == "a");
        Assert.Equal((2, 1, 1, 0, 2), (a.Done, a.Ok, a.Failed, a.InFlight, a.Planned));
        var b = progress.Models.Single(m => m.Id == "b");
        Assert.Equal((0, 1, 1), (b.Done, b.InFlight, b.Planned));
        Assert.Equal((2, 3), (progress.Done, progress.Planned));
        Assert.Equal(0.10m, progress.SpentUsd);
    }
}
