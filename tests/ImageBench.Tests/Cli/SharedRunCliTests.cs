using ImageBench.Emulator;
using ImageBench.Storage;
using ImageBench.Storage.Sqlite;
using ImageBench.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ImageBench.Tests.Cli;

/// <summary>
/// Real <c>imagebench</c> processes on one run directory, against an emulator on a fake clock so the test decides
/// when calls finish: resumes share the work and pay for nothing twice; a second fresh run refuses; Ctrl-C exits
/// 130 and the report says the user stopped it.
/// </summary>
public sealed class SharedRunCliTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
    private static Dictionary<string, string?> Keys => MixedProtocolRun.Keys;

    private async Task<(EmulatorServer Emulator, string ModelsFile, string OutDir)> StartAsync()
    {
        var emulator = await EmulatorServer.StartAsync(EmulatorOptions.ArticleDefaults(0.1) with { Time = _clock });
        return (emulator, await MixedProtocolRun.WriteModelsFileAsync(_dir.Path, emulator), Path.Combine(_dir.Path, "run"));
    }

    private static string[] RunArgs(string models, string outDir) => MixedProtocolRun.RunArgs(models, outDir);

    private async Task AdvanceUntilExitedAsync(IReadOnlyList<CliProcess> processes)
    {
        for (var step = 0; step < 4000 && processes.Any(p => !p.HasExited); step++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(5);
        }
    }

    private static int Submissions(EmulatorServer e) => MixedProtocolRun.PaidCalls(e).Sum(p => p.Calls);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Resume_processes_on_one_directory_finish_the_run_together_paying_for_each_slot_once(int processes)
    {
        var (emulator, models, outDir) = await StartAsync();
        await using var _ = emulator;
        var all = new List<CliProcess> { CliProcess.Start(RunArgs(models, outDir), Keys) };
        try
        {
            // The first process has claimed what its lanes can hold and is waiting on the fake clock.
            Assert.True(await Eventually.TrueAsync(() => Submissions(emulator) >= 6), all[0].Out + all[0].Err);
            for (var i = 1; i < processes; i++) all.Add(CliProcess.Start(MixedProtocolRun.ResumeArgs(outDir), Keys));
            await AdvanceUntilExitedAsync(all);

            foreach (var p in all) Assert.True(await p.WaitAsync() == 0, p.Out + p.Err);
            await using var store = await SqliteRunStore.OpenAsync(outDir, CancellationToken.None);
            var slots = await store.LoadSlotsAsync(CancellationToken.None);
            Assert.Equal(24, slots.Count);
            Assert.All(slots, s => Assert.Equal((SlotPhase.Done, Attempts.AttemptOutcome.Ok, 0), (s.Phase, s.Attempt!.Outcome, s.Attempt.InterruptedCalls)));
            Assert.Equal(24, Submissions(emulator)); // not one duplicate paid call
            Assert.True(slots.Select(s => s.Owner).Distinct().Count() >= 2, "one process did all the work");
            var images = Directory.GetFiles(Path.Combine(outDir, "images")).Select(Path.GetFileName).Order();
            Assert.Equal(slots.Select(s => Path.GetFileName(s.Attempt!.ImagePath!)).Distinct().Order(), images); // no orphaned file
            Assert.Equal(0, (await store.LoadLedgerAsync(CancellationToken.None)).SupersededAttempts);
        }
        finally
        {
            foreach (var p in all) p.Dispose();
        }
    }

    [Fact]
    public async Task Two_fresh_runs_started_together_on_one_directory_one_refuses_before_paying()
    {
        var (emulator, models, outDir) = await StartAsync();
        await using var _ = emulator;
        using var a = CliProcess.Start(RunArgs(models, outDir), Keys);
        using var b = CliProcess.Start(RunArgs(models, outDir), Keys);
        Assert.True(await Eventually.TrueAsync(() => a.HasExited || b.HasExited || Submissions(emulator) >= 6));
        await AdvanceUntilExitedAsync([a, b]);

        var exits = new[] { await a.WaitAsync(), await b.WaitAsync() }.Order().ToArray();
        Assert.Equal([0, 2], exits);
        var refused = a.ExitCodeOrNull == 2 ? a : b;
        Assert.Contains("already holds a run", refused.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Err, StringComparison.Ordinal);
        Assert.Equal(24, Submissions(emulator));
    }

    [Fact]
    public async Task Stopping_a_run_exits_130_and_the_report_says_the_user_stopped_it_then_resume_finishes()
    {
        var (emulator, models, outDir) = await StartAsync();
        await using var _ = emulator;
        using (var run = CliProcess.Start(RunArgs(models, outDir), Keys))
        {
            Assert.True(await Eventually.TrueAsync(() => Submissions(emulator) >= 6), run.Out + run.Err);
            run.Terminate(); // as Ctrl-C does: see CliProcess.Terminate for why not SIGINT
            var exit = await run.WaitAsync();
            Assert.True(exit == 130, $"exit {exit}\n{run.Out}\n{run.Err}");
            Assert.Contains("imagebench run --resume", run.Out, StringComparison.Ordinal);
        }
        var report = await File.ReadAllTextAsync(Path.Combine(outDir, "report.md"));
        Assert.Contains("Interrupted by the user", report, StringComparison.Ordinal);
        Assert.DoesNotContain("crash", report, StringComparison.Ordinal);

        using var resumed = CliProcess.Start(MixedProtocolRun.ResumeArgs(outDir), Keys);
        await AdvanceUntilExitedAsync([resumed]);
        Assert.True(await resumed.WaitAsync() == 0, resumed.Out + resumed.Err);
        Assert.DoesNotContain("Interrupted by", await File.ReadAllTextAsync(Path.Combine(outDir, "report.md")), StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
