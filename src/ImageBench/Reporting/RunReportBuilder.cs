using System.Globalization;
using ImageBench.Attempts;
using ImageBench.Catalog;
using ImageBench.Scoring;
using ImageBench.Statistics;
using ImageBench.Storage;
using ImageBench.Suites;

namespace ImageBench.Reporting;

/// <summary>Builds a <see cref="RunReport"/> from a run's manifest and attempts. Pure: no clock, no files.</summary>
public static class RunReportBuilder
{
    /// <summary>Past this many models a title names the count, not every model ("20 models: seed-six").</summary>
    public const int MaxNamedInTitle = 4;

    /// <summary>
    /// The report of a stored run with the prices the run recorded (its manifest's catalog), not what the catalog
    /// says today: what <c>imagebench report</c> writes and <c>imagebench serve</c> shows.
    /// </summary>
    public static RunReport Build(RunManifest manifest, IReadOnlyList<Attempt> attempts, Suite? suite, RunScores? scores) =>
        Build(manifest, attempts, suite, CatalogOf(manifest), scores: scores);

    /// <summary>The catalog entries a run recorded in its manifest, by model id.</summary>
    public static IReadOnlyDictionary<string, ModelEntry> CatalogOf(RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.Catalog.Select(n => CatalogJson.FromJson(n!.AsObject())).ToDictionary(m => m.Id);
    }

    /// <param name="suite">The suite, for prompt texts and expectations; null shows prompt ids only.</param>
    /// <param name="catalog">Model id → catalog entry, for names and prices; null shows ids and "not in catalog".</param>
    /// <param name="capabilityScores">Model id → capability → score, once scoring exists; null shows "not scored yet".</param>
    public static RunReport Build(
        RunManifest manifest,
        IReadOnlyList<Attempt> attempts,
        Suite? suite,
        IReadOnlyDictionary<string, ModelEntry>? catalog,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? capabilityScores = null,
        RunScores? scores = null,
        LedgerSummary? ledger = null)
    {
        if (capabilityScores is null && scores is not null)
        {
            var fromScores = scores.CapabilityScores();
            capabilityScores = fromScores.Count > 0 ? fromScores : null;
        }
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(attempts);

        // Manifest order first (the order the user asked for), then any model only the attempts know.
        var modelIds = manifest.Models.Concat(attempts.Select(a => a.Model)).Distinct(StringComparer.Ordinal).ToList();
        var models = modelIds
            .Select(id => new ReportModel(id, catalog?.GetValueOrDefault(id)?.Name ?? id, ModelStatistics.For(id, attempts)))
            .ToList();

        return new RunReport
        {
            Title = models.Count > MaxNamedInTitle
                ? $"{models.Count} models: {manifest.SuiteName}"
                : $"{string.Join(" vs ", models.Select(m => m.Name))}: {manifest.SuiteName}",
            RunId = manifest.RunId,
            CreatedAt = manifest.CreatedAt,
            ToolVersion = manifest.ToolVersion,
            SuiteName = manifest.SuiteName,
            SuiteSha256 = manifest.SuiteSha256,
            Repeat = manifest.Repeat,
            EmulatorTimeScale = manifest.EmulatorTimeScale ?? EmulatedScale(models),
            TimingNote = manifest.EmulatorTimeScale is { } scale ? TimingNote(scale) : TimingNote(models),
            Models = models,
            DimensionTable = ReportTables.Dimension(models, catalog, capabilityScores, scores),
            LatencyTable = ReportTables.Latency(models),
            CostTable = ReportTables.Cost(models, scores),
            OutcomeTable = ReportTables.Outcomes(models),
            CapabilityTable = CapabilityWinners.Table(models, scores),
            SpeedSentence = SpeedSentence(models),
            FailureSentence = FailureSentence(models),
            StatusSentence = ledger is null ? null : RunStatusSentence.Of(ledger),
            CapabilityScores = capabilityScores,
            Prompts = PromptSections.Build(attempts, suite, models, scores),
            Attempts = attempts,
        };
    }

    /// <summary>
    /// For a run whose manifest does not say it was emulated: its attempts do when ImageBench's emulator answered them
    /// (a models file's base_url pointing at <c>imagebench emulator</c>), per model.
    /// </summary>
    public static string TimingNote(IReadOnlyList<ReportModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (EmulatedScale(models) is { } all) return TimingNote(all);
        var emulated = models.Where(m => m.Stats.EmulatorTimeScale is not null).ToList();
        if (emulated.Count == 0) return TimingNote((double?)null);
        var names = string.Join(", ", emulated.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Name} (×{m.Stats.EmulatorTimeScale!.Value:0.####})")));
        return $"Mixed: {names} answered by ImageBench's emulator (emulated latencies at that time scale, no real API called); "
            + "the other models by real APIs (wall-clock latencies measured by ImageBench).";
    }

    /// <summary>The emulator's time scale when every model that was answered at all was answered by it with one scale; else null.</summary>
    private static double? EmulatedScale(IReadOnlyList<ReportModel> models)
    {
        var answered = models.Where(m => m.Stats.Attempts > 0).ToList();
        if (answered.Count == 0 || answered.Any(m => m.Stats.EmulatorTimeScale is null)) return null;
        var scales = answered.Select(m => m.Stats.EmulatorTimeScale!.Value).Distinct().ToList();
        return scales.Count == 1 ? scales[0] : null;
    }

    public static string TimingNote(double? scale)
    {
        if (scale is not double s) return "Real APIs: latencies are wall-clock times measured by ImageBench.";
        var f = s.ToString("0.####", CultureInfo.InvariantCulture);
        if (s == 0)
            return "Emulated with no delay (time scale ×0): latencies are the harness's and the emulator's own time only. No real API was called.";
        return $"Emulated: latencies are the article's scaled ×{f}; divide by {f} for emulated seconds "
            + "(the article-equivalent figures). No real API was called.";
    }

    /// <summary>The article's "X is roughly N× faster" as a ratio of mean latencies, fastest against slowest.</summary>
    public static string? SpeedSentence(IReadOnlyList<ReportModel> models)
    {
        var timed = models.Where(m => m.Stats.Latency is not null).OrderBy(m => m.Stats.Latency!.Mean).ToList();
        if (timed.Count < 2) return null;
        var (fast, slow) = (timed[0], timed[^1]);
        if (fast.Stats.Latency!.Mean <= 0) return null;
        double ratio = slow.Stats.Latency!.Mean / fast.Stats.Latency.Mean;
        return $"{fast.Name} is roughly {ReportFormat.Ratio(ratio)} faster than {slow.Name} "
            + $"(ratio of mean latencies over {fast.Stats.Latency.N} and {slow.Stats.Latency.N} successful attempts); "
            + $"medians {ReportFormat.Duration(fast.Stats.Latency.P50)} and {ReportFormat.Duration(slow.Stats.Latency.P50)}: "
            + MedianOverlap.Sentence(fast.Stats.Latency, slow.Stats.Latency) + ".";
    }

    public static string FailureSentence(IReadOnlyList<ReportModel> models)
    {
        int total = models.Sum(m => m.Stats.Attempts), ok = models.Sum(m => m.Stats.Ok);
        var sentence = $"{ok} of {total} attempts produced an image; {total - ok} did not";
        var failedModels = models.Where(m => m.Stats.NotOk > 0).Select(m => $"{m.Name}: {ReportTables.FailureBreakdown(m.Stats)}").ToList();
        sentence += failedModels.Count == 0 ? "." : $" ({string.Join("; ", failedModels)}).";
        int retried = models.Sum(m => m.Stats.Retried);
        if (retried > 0) sentence += $" Attempts that needed retries: {retried} ({models.Sum(m => m.Stats.TotalRetries)} retries in all).";
        int interrupted = models.Sum(m => m.Stats.InterruptedCalls);
        if (interrupted > 0) sentence += $" {interrupted} call(s) were sent and their answer lost (a crash, a kill, Ctrl-C or a dropped connection): possibly paid, result unknown.";
        return sentence;
    }
}
