using ImageBench.Emulator;
using ImageBench.Storage;
using ImageBench.Storage.Sqlite;
using ImageBench.Suites;
using ImageBench.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ImageBench.Tests.Cli;

/// <summary>
/// A run killed with SIGKILL halfway, then resumed: no completed image is lost and no BFL job is submitted twice.
/// The emulator runs on a fake clock, so the test decides exactly which jobs are done, pending or in flight
/// when the kill lands.
/// </summary>
public sealed class ResumeAfterKillTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Sigkill_then_resume_loses_no_image_and_pays_no_job_twice()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        await using var emulator = await EmulatorServer.StartAsync(EmulatorOptions.ArticleDefaults(1.0) with { Time = clock });
        var models = Path.Combine(_dir.Path, "models.yaml");
        await File.WriteAllTextAsync(models, $"models:\n  gpt-image-2:\n    base_url: {emulator.BaseUrl}\n    concurrency: 2\n  flux-1.1-pro:\n    base_url: {emulator.BaseUrl}\n    concurrency: 6\n    poll_interval_ms: 5\n");
        var env = new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "sk-test", ["BFL_API_KEY"] = "bfl-test" };
        var outDir = Path.Combine(_dir.Path, "run");
        var suite = SuiteLoader.Load(RepoPaths.File("suites", "seed-six.yaml"));

        // 1. Start; every FLUX job is submitted and two GPT calls are in flight, all waiting on the fake clock.
        using (var first = CliProcess.Start(["run", "--suite", "suites/seed-six.yaml", "--models-file", models, "--model", "gpt-image-2", "--model", "flux-1.1-pro", "--out", outDir], env))
        {
            Assert.True(await Eventually.TrueAsync(() => emulator.Stats.BflSubmits("flux-pro-1.1") == 6 && emulator.Stats.OpenAIGenerations("gpt-image-2") == 2), first.Out + first.Err);

            // 2. Let fake time run until the first FLUX job is stored while others are still pending.
            var stored = 0;
            for (var step = 0; step < 400 && stored == 0; step++)
            {
                clock.Advance(TimeSpan.FromMilliseconds(50));
                await Eventually.TrueAsync(() => FluxLines(first.Out) > 0, timeoutMs: 60);
                stored = FluxLines(first.Out);
            }
            Assert.InRange(stored, 1, 5);
            first.KillHard();
            await first.WaitAsync();
        }

        var beforeResume = await LoadSlots(outDir);
        var doneBefore = beforeResume.Where(s => s.Phase == SlotPhase.Done).ToDictionary(s => s.Key, s => s.Attempt!.Image!.Sha256);
        Assert.NotEmpty(doneBefore);
        Assert.Contains(beforeResume, s => s.Phase == SlotPhase.Submitted);
        Assert.Equal(2, beforeResume.Count(s => s.Phase == SlotPhase.Sent));

        // 3. Resume, letting fake time run until the process finishes.
        using (var resumed = CliProcess.Start(["run", "--resume", "--out", outDir], env))
        {
            for (var step = 0; step < 3000 && !resumed.HasExited; step++)
            {
                clock.Advance(TimeSpan.FromSeconds(2));
                await Eventually.TrueAsync(() => resumed.HasExited, timeoutMs: 20);
            }
            Assert.True(await resumed.WaitAsync() == 0, resumed.Out + resumed.Err);
        }

        var after = await LoadSlots(outDir);
        Assert.Equal(12, after.Count(s => s.Phase == SlotPhase.Done));
        foreach (var (key, sha) in doneBefore)
        {
            var attempt = after.Single(s => s.Key == key).Attempt!;
            Assert.Equal(sha, attempt.Image!.Sha256);
            Assert.True(File.Exists(Path.Combine(outDir, attempt.ImagePath!)));
        }
        foreach (var prompt in suite.Prompts)
            Assert.Equal(1, emulator.Stats.BflSubmitsForPrompt(prompt.Text));
        Assert.Equal(2, after.Where(s => s.Key.Model == "gpt-image-2").Sum(s => s.Attempt!.InterruptedCalls));
        Assert.All(after, s => Assert.Equal(Attempts.AttemptOutcome.Ok, s.Attempt!.Outcome));
    }

    private static int FluxLines(string output) => output.Split('\n').Count(l => l.Contains(" flux-1.1-pro ", StringComparison.Ordinal) && l.Contains(" ok ", StringComparison.Ordinal));

    private static async Task<IReadOnlyList<SlotState>> LoadSlots(string dir)
    {
        await using var store = await SqliteRunStore.OpenAsync(dir, CancellationToken.None);
        return await store.LoadSlotsAsync(CancellationToken.None);
    }

    public void Dispose() => _dir.Dispose();
}
