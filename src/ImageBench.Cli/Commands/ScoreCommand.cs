using System.CommandLine;
using ImageBench.Configuration;
using ImageBench.Emulator;
using ImageBench.Reporting;
using ImageBench.Scoring;
using ImageBench.Scoring.Judge;
using ImageBench.Storage;
using ImageBench.Storage.Sqlite;
using ImageBench.Suites;
using Spectre.Console;

namespace ImageBench.Cli.Commands;

/// <summary><c>imagebench score DIR</c>: scores a finished run's images (cached: a second time computes nothing) and rewrites its reports.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "Run directory (holding imagebench.db)" };
        var judgeOptions = new JudgeOptions();
        var command = new Command("score", "Score a run's images with every automatic check (and the checklist judge, if one is given or the run had one), then rewrite its reports") { dir };
        foreach (var option in judgeOptions.All) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            var runDir = parse.GetValue(dir)!;
            var (store, suite, manifest) = await OpenAsync(runDir, ct);
            await using (store)
            {
                var judge = judgeOptions.Read(parse, JudgeSettings.FromManifest(manifest));
                // The emulated judge lives in the emulator; it only knows the images this process draws, so on an
                // earlier run's images it answers "unsure" — its cached answers are what a re-score reuses.
                await using var emulator = judge?.Parsed.IsEmulated == true ? await EmulatorServer.StartAsync(EmulatorOptions.ArticleDefaults(0), ct) : null;
                using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
                IReadOnlyList<IScorer> scorers = judge is null ? DefaultScorers.All() : [.. DefaultScorers.All(), judge.Create(http, emulator?.BaseUrl)];
                var scoring = new ScoringRunner(scorers, store, Environment.ProcessorCount);
                var scores = await scoring.ScoreAsync(runDir, await store.LoadAttemptsAsync(ct), suite, ct);
                Console.WriteLine($"scored {scores.Attempts.Count} images: {scoring.Computed} scores computed, {scoring.FromCache} from the cache");
                var files = await ReportFiles.WriteAllAsync(runDir, store, suite, ct, scores: scores);
                ConsoleReportWriter.Write(files.Report, AnsiConsole.Console);
                foreach (var f in files.Written) Console.WriteLine("wrote " + f);
            }
            return 0;
        });
        return command;
    }

    /// <summary>The run's store, suite and manifest; scoring needs the suite's expectations.</summary>
    internal static async Task<(SqliteRunStore, Suite, RunManifest)> OpenAsync(string runDir, CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(runDir, SqliteRunStore.FileName)))
            throw new InputException($"{runDir}: not a run directory (no {SqliteRunStore.FileName})");
        var store = await SqliteRunStore.OpenAsync(runDir, ct);
        try
        {
            var manifest = await store.LoadManifestAsync(ct)
                ?? throw new InputException($"{runDir}: the store has no run manifest");
            if (!File.Exists(manifest.SuitePath))
                throw new InputException($"{manifest.SuitePath}: the run's suite is gone; scoring needs its expectations");
            return (store, SuiteLoader.Load(manifest.SuitePath), manifest);
        }
        catch
        {
            // Closed, or the process would leave the store's log files behind.
            await store.DisposeAsync();
            throw;
        }
    }
}
