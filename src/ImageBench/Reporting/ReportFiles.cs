using System.Text;
using ImageBench.Attempts;
using ImageBench.Storage;
using ImageBench.Suites;

namespace ImageBench.Reporting;

/// <summary>Writes a run's reports from its store: the same code after a run and for <c>imagebench report DIR</c>.</summary>
public static class ReportFiles
{
    public const string ResultsJson = "results.json";
    public const string Markdown = "report.md";
    public const string Html = "report.html";
    public const string Csv = "results.csv";

    /// <param name="format">md, html, json or csv to write only that one; null for results.json, report.md and report.html.</param>
    /// <param name="scores">The run's scores, when it was scored; they fill the per-prompt checks and capability cells.</param>
    public static async Task<RunReportFiles> WriteAllAsync(string runDir, IRunStore store, Suite? suite, CancellationToken ct, string? format = null, Scoring.RunScores? scores = null)
    {
        var manifest = await store.LoadManifestAsync(ct).ConfigureAwait(false)
            ?? throw new Configuration.InputException($"{runDir}: the store has no run manifest");
        var attempts = await store.LoadAttemptsAsync(ct).ConfigureAwait(false);
        var ledger = store is IAttemptLedger l ? await l.LoadLedgerAsync(ct).ConfigureAwait(false) : null;
        var report = RunReportBuilder.Build(manifest, attempts, suite, RunReportBuilder.CatalogOf(manifest), scores: scores, ledger: ledger);
        var written = new List<string>();

        async Task Write(string name, string text)
        {
            var path = Path.Combine(runDir, name);
            await AtomicFile.WriteAsync(path, Encoding.UTF8.GetBytes(text), ct).ConfigureAwait(false);
            written.Add(path);
        }

        if (format is null or "json")
        {
            var path = Path.Combine(runDir, ResultsJson);
            var summary = ReportJson.Summary(report);
            if (scores is not null) summary["scores"] = Scoring.ScoresJson.Of(scores);
            await Reporting.ResultsJsonWriter.WriteAsync(path, manifest, attempts, summary, ct).ConfigureAwait(false);
            written.Add(path);
        }
        if (format is null or "md") await Write(Markdown, MarkdownReportWriter.Write(report)).ConfigureAwait(false);
        if (format is null or "html") await Write(Html, await HtmlReportWriter.WriteAsync(report).ConfigureAwait(false)).ConfigureAwait(false);
        if (format is "csv") await Write(Csv, CsvReportWriter.Write(report)).ConfigureAwait(false);
        return new RunReportFiles(report, attempts, written);
    }
}

/// <param name="Written">Paths of the files written, for the CLI to print.</param>
public sealed record RunReportFiles(RunReport Report, IReadOnlyList<Attempt> Attempts, IReadOnlyList<string> Written);
