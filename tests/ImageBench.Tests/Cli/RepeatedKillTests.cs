using ImageBench.Attempts;
using ImageBench.Emulator;
using ImageBench.Storage;
using ImageBench.Storage.Sqlite;
using ImageBench.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ImageBench.Tests.Cli;

/// <summary>
/// Ten SIGKILLs at random moments across a run mixing every protocol shape — sync (OpenAI), submit and poll
/// (BFL), queue (fal), a held create (Replicate's Prefer: wait) — each followed by <c>--resume</c>. The emulator
/// runs on a fake clock the test moves by a seeded random amount before each kill, so the moments vary but
/// the test is repeatable. Nothing stored is ever lost, and every paid call sent again is counted.
/// </summary>
public sealed class RepeatedKillTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
    private const int Kills = 10;
    private static Dictionary<string, string?> Keys => MixedProtocolRun.Keys;

    [Fact]
    public async Task Ten_kills_then_resumes_lose_no_image_and_count_every_paid_call_sent_again()
    {
        await using var emulator = await EmulatorServer.StartAsync(EmulatorOptions.ArticleDefaults(0.1) with { Time = _clock });
        var models = await MixedProtocolRun.WriteModelsFileAsync(_dir.Path, emulator);
        var outDir = Path.Combine(_dir.Path, "run");
        var first = MixedProtocolRun.RunArgs(models, outDir);
        var resume = MixedProtocolRun.ResumeArgs(outDir);
        var random = new Random(20261202);
        var kept = new Dictionary<SlotKey, string>();

        for (var kill = 0; kill < Kills; kill++)
        {
            var callsBefore = Calls(emulator);
            using var run = CliProcess.Start(kill == 0 ? first : resume, Keys);
            // Wait until this process is working (it sent something), then let a random stretch of fake time pass.
            if (!await Eventually.TrueAsync(() => Calls(emulator) > callsBefore || run.HasExited, 30_000)) Assert.Fail("no call was made: " + run.Err);
            var steps = random.Next(0, 24);
            for (var s = 0; s < steps && !run.HasExited; s++)
            {
                _clock.Advance(TimeSpan.FromMilliseconds(250));
                await Task.Delay(random.Next(1, 15));
            }
            run.KillHard();
            await run.WaitAsync();

            foreach (var slot in await LoadSlotsAsync(outDir))
            {
                if (slot.Phase != SlotPhase.Done || slot.Attempt!.Image is null) continue;
                if (kept.TryGetValue(slot.Key, out var sha)) Assert.Equal(sha, slot.Attempt.Image.Sha256); // never replaced
                else kept[slot.Key] = slot.Attempt.Image.Sha256;
                Assert.True(File.Exists(Path.Combine(outDir, slot.Attempt.ImagePath!)), $"{slot.Key}: image file lost after kill {kill + 1}");
            }
        }

        using (var last = CliProcess.Start(resume, Keys))
        {
            for (var step = 0; step < 4000 && !last.HasExited; step++)
            {
                _clock.Advance(TimeSpan.FromMilliseconds(500));
                await Task.Delay(5);
            }
            Assert.True(await last.WaitAsync() == 0, last.Out + last.Err);
        }

        var slots = await LoadSlotsAsync(outDir);
        Assert.Equal(24, slots.Count);
        Assert.All(slots, s => Assert.Equal((SlotPhase.Done, AttemptOutcome.Ok), (s.Phase, s.Attempt!.Outcome)));
        foreach (var (key, sha) in kept) Assert.Equal(sha, slots.Single(s => s.Key == key).Attempt!.Image!.Sha256);
        // Every paid call beyond one per slot was counted on its slot as an interrupted call — none silent. A call
        // is marked sent before its first byte, so a kill between that commit and the bytes reaching the provider
        // counts a call the provider never saw: the ledger cannot tell, and over-counting is the safe side. That
        // can happen at most once per in-flight call per kill, so the over-count stays below the kills.
        var overCounted = 0;
        foreach (var (model, sent) in MixedProtocolRun.PaidCalls(emulator))
        {
            var interrupted = slots.Where(s => s.Key.Model == model).Sum(s => s.Attempt!.InterruptedCalls);
            Assert.True(sent - 6 <= interrupted, $"{model}: {sent} paid calls for 6 slots, only {interrupted} counted as interrupted");
            overCounted += interrupted - (sent - 6);
        }
        Assert.True(overCounted <= Kills, $"{overCounted} interrupted calls the provider never received, after {Kills} kills");
    }

    private static int Calls(EmulatorServer e) => MixedProtocolRun.PaidCalls(e).Sum(p => p.Calls) + e.Stats.Polls;

    private static async Task<IReadOnlyList<SlotState>> LoadSlotsAsync(string dir)
    {
        await using var store = await SqliteRunStore.OpenAsync(dir, CancellationToken.None);
        return await store.LoadSlotsAsync(CancellationToken.None);
    }

    public void Dispose() => _dir.Dispose();
}
