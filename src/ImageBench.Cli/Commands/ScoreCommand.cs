using System.CommandLine;
using ImageBench.Configuration;
using ImageBench.Reporting;
using ImageBench.Scoring;
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
        var command = new Command("score", "Score a run's images with every automatic check, then rewrite its reports") { dir };
        command.SetAction(async (parse, ct) =>
        {
            var runDir = parse.GetValue(dir)!;
            var (store, suite) = await OpenAsync(runDir, ct);
            await using (store)
            {
                var scoring = new ScoringRunner(DefaultScorers.All(), store, Environment.ProcessorCount);
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

    /// <summary>The run's store and suite; scoring needs the suite's expectations.</summary>
    internal static async Task<(SqliteRunStore, Suite)> OpenAsync(string runDir, CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(runDir, SqliteRunStore.FileName)))
            throw new InputException($"{runDir}: not a run directory (no {SqliteRunStore.FileName})");
        var store = await SqliteRunStore.OpenAsync(runDir, ct);
        var manifest = await store.LoadManifestAsync(ct);
        if (manifest is null || !File.Exists(manifest.SuitePath))
        {
            await store.DisposeAsync();
            throw new InputException(manifest is null ? $"{runDir}: the store has no run manifest" : $"{manifest.SuitePath}: the run's suite is gone; scoring needs its expectations");
        }
        return (store, SuiteLoader.Load(manifest.SuitePath));
    }
}
