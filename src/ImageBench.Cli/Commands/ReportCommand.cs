using System.CommandLine;
using ImageBench.Configuration;
using ImageBench.Reporting;
using ImageBench.Storage.Sqlite;
using ImageBench.Suites;
using Spectre.Console;

namespace ImageBench.Cli.Commands;

/// <summary><c>imagebench report DIR</c>: regenerates the reports of a run from its store.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "Run directory (holding imagebench.db)" };
        var format = new Option<string?>("--format") { Description = "Write only this format: md, html, json or csv (default: md, html and json)" };
        format.AcceptOnlyFromAmong("md", "html", "json", "csv");
        var judgeSpec = new Option<string?>("--judge") { Description = "Show this judge's cached answers (default: the run's judge); the report never calls a judge" };
        var judgeSamples = new Option<int?>("--judge-samples") { Description = "Samples of the judge's cached answers to show (default: the run's)" };
        var command = new Command("report", "Regenerate a run's reports from its store") { dir, format, judgeSpec, judgeSamples };
        command.SetAction(async (parse, ct) =>
        {
            var runDir = parse.GetValue(dir)!;
            if (!File.Exists(Path.Combine(runDir, SqliteRunStore.FileName)))
                throw new InputException($"{runDir}: not a run directory (no {SqliteRunStore.FileName})");
            await using var store = await SqliteRunStore.OpenAsync(runDir, ct);
            var manifest = await store.LoadManifestAsync(ct) ?? throw new InputException($"{runDir}: the store has no run manifest");
            // The suite gives prompt texts and expectations; a report still renders (by prompt id) if it moved.
            var suite = File.Exists(manifest.SuitePath) ? SuiteLoader.Load(manifest.SuitePath) : null;
            // Scores come from the cache when the run was scored; anything not yet scored is scored now.
            // The judge is read from the cache only: regenerating a report must not spend money or need a key.
            var scorers = Scoring.DefaultScorers.ForReport(
                Scoring.Judge.JudgeSettings.Choose(parse.GetValue(judgeSpec), parse.GetValue(judgeSamples), Scoring.Judge.JudgeSettings.FromManifest(manifest)));
            var scores = suite is null ? null
                : await new Scoring.ScoringRunner(scorers, store, Environment.ProcessorCount).ScoreAsync(runDir, await store.LoadAttemptsAsync(ct), suite, ct);
            var files = await ReportFiles.WriteAllAsync(runDir, store, suite, ct, parse.GetValue(format), scores);
            ConsoleReportWriter.Write(files.Report, AnsiConsole.Console);
            foreach (var f in files.Written) Console.WriteLine("wrote " + f);
            return 0;
        });
        return command;
    }
}
