using System.Diagnostics;
using System.Globalization;
using System.Text;
using ImageBench.Emulator;
using ImageBench.Storage;
using ImageBench.Storage.Sqlite;

namespace ImageBench.Bench;

/// <summary>
/// Real processes, real clock: the CLI runs a plan mixing every protocol shape against the emulator and is
/// SIGKILLed at seeded random moments, ten times, each followed by <c>--resume</c>; then a last resume finishes
/// it. The emulator counts what reached it, the store says what was counted, so duplicate paid calls, lost
/// images and orphaned files are measured, not assumed. make bench ARGS="--kill-resume [--quick] [--write-docs]".
/// </summary>
internal static class KillResumeBenchmark
{
    private static readonly (string Model, string Shape)[] Models =
    [
        ("gpt-image-2", "sync (OpenAI)"), ("flux-1.1-pro", "submit + poll (BFL)"),
        ("flux-1.1-pro@fal", "queue (fal)"), ("flux-1.1-pro@replicate", "held create, Prefer: wait (Replicate)"),
    ];

    private const string Cli = "src/ImageBench.Cli/bin/Release/net10.0/imagebench.dll";

    public sealed record Trial(int Seed, int Kills, IReadOnlyList<FamilyFigures> Families, int ImagesLost, int OrphanedFiles, int Superseded, TimeSpan Took);

    public sealed record FamilyFigures(string Model, string Shape, int Slots, int PaidCalls, int Interrupted, int NotOk);

    public static async Task<int> RunAsync(bool quick, bool writeDocs)
    {
        if (!File.Exists(Cli)) { Console.Error.WriteLine($"{Cli} not found: run `make build` first"); return 2; }
        var trials = new List<Trial>();
        foreach (var seed in quick ? new[] { 1 } : new[] { 1, 2, 3 })
            trials.Add(await RunTrialAsync(seed, kills: 10));
        var table = ToMarkdown(trials);
        Console.WriteLine(table);
        if (writeDocs) await WriteDocsAsync(table);
        // Pass: nothing lost, and every paid call beyond one per slot counted on its slot.
        return trials.All(t => t.ImagesLost == 0 && t.OrphanedFiles == 0 && t.Families.All(f => f.PaidCalls - f.Slots == f.Interrupted)) ? 0 : 1;
    }

    private static async Task<Trial> RunTrialAsync(int seed, int kills)
    {
        var started = TimeProvider.System.GetTimestamp();
        var random = new Random(seed);
        var dir = Directory.CreateTempSubdirectory("imagebench-killresume-").FullName;
        await using var emulator = await EmulatorServer.StartAsync(EmulatorOptions.ArticleDefaults(0.05));
        var models = Path.Combine(dir, "models.yaml");
        await File.WriteAllTextAsync(models, "models:\n" + string.Concat(Models.Select(m =>
            $"  {m.Model}:\n    base_url: {emulator.BaseUrl}\n    concurrency: 2\n    poll_interval_ms: 50\n")));
        var outDir = Path.Combine(dir, "run");
        var first = new List<string> { "run", "--suite", "suites/seed-six.yaml", "--models-file", models, "--out", outDir, "--no-score" };
        foreach (var (model, _) in Models) first.AddRange(["--model", model]);
        var kept = new Dictionary<SlotKey, string>();
        var lost = 0;

        for (var kill = 0; kill < kills; kill++)
        {
            // A kill before the manifest was written leaves a run that never started: it is started again, not resumed.
            using var process = Start(await HasManifestAsync(outDir) ? ["run", "--resume", "--out", outDir, "--no-score"] : first);
            // dotnet start-up takes ~0.5 s; a kill lands anywhere from before the first call to deep into the run.
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 4000)));
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            foreach (var slot in await LoadSlotsAsync(outDir))
            {
                if (slot.Attempt?.Image is not { } image) continue;
                if (kept.TryGetValue(slot.Key, out var sha) && sha != image.Sha256) lost++;
                kept.TryAdd(slot.Key, image.Sha256);
            }
        }
        using (var last = Start(await HasManifestAsync(outDir) ? ["run", "--resume", "--out", outDir, "--no-score"] : first))
            await last.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token);

        var slots = await LoadSlotsAsync(outDir);
        lost += kept.Count(k => slots.FirstOrDefault(s => s.Key == k.Key)?.Attempt?.Image?.Sha256 != k.Value
                                || !File.Exists(Path.Combine(outDir, slots.First(s => s.Key == k.Key).Attempt!.ImagePath!)));
        var referenced = slots.Where(s => s.Attempt?.ImagePath is not null).Select(s => Path.GetFileName(s.Attempt!.ImagePath!)).ToHashSet();
        var orphaned = Directory.Exists(Path.Combine(outDir, "images"))
            ? Directory.GetFiles(Path.Combine(outDir, "images")).Count(f => !referenced.Contains(Path.GetFileName(f)))
            : 0;
        await using var store = await SqliteRunStore.OpenAsync(outDir, CancellationToken.None);
        var superseded = (await store.LoadLedgerAsync(CancellationToken.None)).SupersededAttempts;
        var families = Models.Select(m =>
        {
            var mine = slots.Where(s => s.Key.Model == m.Model).ToList();
            return new FamilyFigures(m.Model, m.Shape, mine.Count, PaidCalls(emulator, m.Model), mine.Sum(s => s.Attempt?.InterruptedCalls ?? s.InterruptedCalls),
                mine.Count(s => s.Attempt?.Outcome != Attempts.AttemptOutcome.Ok));
        }).ToList();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        return new Trial(seed, kills, families, lost, orphaned, superseded, TimeProvider.System.GetElapsedTime(started));
    }

    private static int PaidCalls(EmulatorServer e, string model) => model switch
    {
        "gpt-image-2" => e.Stats.OpenAIGenerations("gpt-image-2"),
        "flux-1.1-pro" => e.Stats.BflSubmits("flux-pro-1.1"),
        "flux-1.1-pro@fal" => e.Stats.TotalSubmits("fal"),
        _ => e.Stats.TotalSubmits("replicate"),
    };

    private static Process Start(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Cli);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var key in new[] { "OPENAI_API_KEY", "BFL_API_KEY", "REPLICATE_API_TOKEN", "FAL_KEY" }) info.Environment[key] = "emulator-key";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (!string.IsNullOrEmpty(e.Data)) Console.Error.WriteLine("imagebench: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<bool> HasManifestAsync(string dir)
    {
        if (!File.Exists(Path.Combine(dir, SqliteRunStore.FileName))) return false;
        await using var store = await SqliteRunStore.OpenAsync(dir, CancellationToken.None);
        return await store.LoadManifestAsync(CancellationToken.None) is not null;
    }

    private static async Task<IReadOnlyList<SlotState>> LoadSlotsAsync(string dir)
    {
        if (!File.Exists(Path.Combine(dir, SqliteRunStore.FileName))) return [];
        await using var store = await SqliteRunStore.OpenAsync(dir, CancellationToken.None);
        return await store.LoadSlotsAsync(CancellationToken.None);
    }

    private static string ToMarkdown(IReadOnlyList<Trial> trials)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(c, $"{trials.Count} trial(s) × {trials[0].Kills} SIGKILLs at seeded random moments (0.3–4 s after each start), each followed by `--resume`, then a last resume to the end; emulator ×0.05, real processes and clock, {Environment.ProcessorCount} cores.");
        md.AppendLine();
        md.AppendLine("| seed | protocol | model | slots | paid calls received | duplicates | counted as interrupted_calls | not ok |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var t in trials)
            foreach (var f in t.Families)
                md.AppendLine(c, $"| {t.Seed} | {f.Shape} | `{f.Model}` | {f.Slots} | {f.PaidCalls} | {f.PaidCalls - f.Slots} | {f.Interrupted} | {f.NotOk} |");
        md.AppendLine();
        md.AppendLine("| seed | completed images lost | orphaned image files | superseded attempts | wall time |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var t in trials)
            md.AppendLine(c, $"| {t.Seed} | {t.ImagesLost} | {t.OrphanedFiles} | {t.Superseded} | {t.Took.TotalSeconds:0} s |");
        return md.ToString();
    }

    private const string Begin = "<!-- kill-resume:begin (make bench ARGS=\"--kill-resume --write-docs\") -->";
    private const string End = "<!-- kill-resume:end -->";

    private static async Task WriteDocsAsync(string table)
    {
        const string path = "docs/reliability.md";
        var text = File.Exists(path) ? await File.ReadAllTextAsync(path) : "# Reliability\n";
        var block = $"{Begin}\n{table}{End}";
        var at = text.IndexOf(Begin, StringComparison.Ordinal);
        text = at >= 0
            ? text[..at] + block + text[(text.IndexOf(End, at, StringComparison.Ordinal) + End.Length)..]
            : text.TrimEnd() + "\n\n## Kill and resume\n\n" + block + "\n";
        await File.WriteAllTextAsync(path, text);
        Console.WriteLine($"wrote {path}");
    }
}
