using ImageBench.Catalog;
using ImageBench.Statistics;
using static ImageBench.Reporting.ReportFormat;

namespace ImageBench.Reporting;

/// <summary>Builds the report's tables from statistics: metrics down, one column per model.</summary>
internal static class ReportTables
{
    public static ReportTable Dimension(
        IReadOnlyList<ReportModel> models, IReadOnlyDictionary<string, ModelEntry>? catalog,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? scores, Scoring.RunScores? runScores = null)
    {
        // With counts the cells follow the capability table's test; shares alone can only be compared as they read.
        var contests = CapabilityContest.All(models, runScores);
        var highlights = models.Select(m => contests.Count > 0 ? CapabilityHighlights.For(m, contests) : CapabilityHighlights.For(m.Id, scores)).ToList();
        return Table("Dimensions", "Dimension", models,
        [
            Row("Price at 1K", models, m => PriceAt1K(catalog?.GetValueOrDefault(m.Id))),
            Row("Mean latency", models, m => m.Stats.Latency is { } l ? $"{Duration(l.Mean)} / image" : "no successful image"),
            [ "Best at", .. highlights.Select(h => h.Best) ],
            [ "Worst at", .. highlights.Select(h => h.Worst) ],
            Row("Output format", models, m => OutputFormat(m.Stats)),
            Row("Dimensions", models, m => m.Stats.Dimensions.Count == 0
                ? "–" : string.Join(", ", m.Stats.Dimensions.Select(d => $"{d} ({d.Count})"))),
            .. SeedDiversityRow(models, runScores),
        ]);
    }

    /// <summary>Only with repeats: one image per prompt has no diversity to measure.</summary>
    private static IEnumerable<string[]> SeedDiversityRow(IReadOnlyList<ReportModel> models, Scoring.RunScores? scores)
    {
        if (scores is null || models.All(m => scores.SeedDiversity(m.Id) is null)) yield break;
        yield return Row("Seed diversity", models, m => scores.SeedDiversity(m.Id) is { } d
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{d.MeanBits:0.0} of 64 bits differ between repeats ({d.Prompts} prompt{(d.Prompts == 1 ? "" : "s")})")
            : "–");
    }

    public static ReportTable Latency(IReadOnlyList<ReportModel> models)
    {
        var rows = new List<IReadOnlyList<string>>
        {
            Row("Mean latency", models, m => Duration(m.Stats.Latency?.Mean)),
            Row("Min", models, m => Duration(m.Stats.Latency?.Min)),
            Row("Max", models, m => Duration(m.Stats.Latency?.Max)),
            Row("Samples", models, m => Count(m.Stats.Latency?.N ?? 0)),
            Row("p50", models, m => Duration(m.Stats.Latency?.P50)),
            Row("p90", models, m => Duration(m.Stats.Latency?.P90)),
            Row("p95", models, m => Duration(m.Stats.Latency?.P95)),
        };
        if (models.Any(m => m.Stats.Latency?.P99 is not null)) rows.Add(Row("p99", models, m => Duration(m.Stats.Latency?.P99)));
        rows.Add(Row("Median 95% CI", models, m => m.Stats.Latency is { } l ? $"{Duration(l.MedianCiLow)} – {Duration(l.MedianCiHigh)}" : "–"));
        if (models.Count(m => m.Stats.Latency is not null) > 1) rows.Add(Row("Median vs fastest", models, m => MedianAgainstFastest(m, models)));
        rows.Add(Row("Mean excl. retries", models, m => Duration(m.Stats.LatencyExcludingRetries?.Mean)));
        rows.Add(Row("Server-side mean", models, m => m.Stats.ServerMs is { } s
            ? $"{Duration(s.Mean)} (n={s.N}; {string.Join(", ", m.Stats.ServerMsSources.Keys)})" : "not reported"));
        var phases = models.SelectMany(m => m.Stats.Phases.Select(p => p.Phase)).Distinct()
            .OrderBy(ModelStatistics.PhaseRank).ThenBy(p => p, StringComparer.Ordinal);
        foreach (var phase in phases)
            rows.Add(Row($"Phase {phase} (mean)", models, m => Duration(m.Stats.Phases.FirstOrDefault(p => p.Phase == phase)?.MeanMs)));
        rows.Add(Row("Not timed (failed)", models, m => FailureSummary(m.Stats)));
        return Table("Latency", "Metric", models, rows,
            "Latency of successful attempts, first byte sent → last image byte stored, retries included. "
            + "Failed attempts are not timed but counted in the last row. \"Median vs fastest\" compares each median's bootstrap "
            + "95% interval with the fastest model's: overlapping intervals mean the run cannot tell the two medians apart.");
    }

    /// <summary>Whether a model's median is told apart from the fastest median: do their bootstrap intervals overlap?</summary>
    private static string MedianAgainstFastest(ReportModel model, IReadOnlyList<ReportModel> models)
    {
        var fastest = models.Where(m => m.Stats.Latency is not null).MinBy(m => m.Stats.Latency!.P50)!;
        if (model.Stats.Latency is not { } mine) return "–";
        if (model.Id == fastest.Id) return "fastest median";
        return MedianOverlap.Overlap(mine, fastest.Stats.Latency!)
            ? "intervals overlap: not distinguishable at this sample size"
            : "slower (intervals do not overlap)";
    }

    public static ReportTable Cost(IReadOnlyList<ReportModel> models, Scoring.RunScores? scores = null) => Table("Cost", "Metric", models,
    [
        Row("Cost per image", models, m => Usd(m.Stats.MeanCostPerOkImageUsd)),
        Row("Cost source", models, m => m.Stats.CostSources.Count == 0
            ? "no cost figure" : string.Join(", ", m.Stats.CostSources.Select(kv => $"{kv.Key} ({kv.Value})"))),
        Row("Cost per 1,000 images", models, m => Usd(m.Stats.CostPer1000ImagesUsd)),
        // A total that leaves out images nobody priced must say so, not read as money that was not spent.
        Row("Total spent", models, m => m.Stats.UnpricedImages == 0 ? Usd(m.Stats.TotalSpentUsd)
            : m.Stats.TotalSpentUsd == 0 ? $"unknown ({m.Stats.UnpricedImages} unpriced)"
            : $"{Usd(m.Stats.TotalSpentUsd)} + {m.Stats.UnpricedImages} unpriced"),
        Row("Spent per successful image", models, m => Usd(m.Stats.SpentPerOkImageUsd)),
        .. ExtraImageRows(models),
        .. AcceptableRows(models, scores),
    ], CostNote(models, scores));

    private static string CostNote(IReadOnlyList<ReportModel> models, Scoring.RunScores? scores)
    {
        var note = "Cost per image is the mean over successful images; total spent includes failed attempts that were charged.";
        if (models.Any(m => m.Stats.CallsWithExtraImages > 0))
            note += " Some calls returned more images than the one asked for: a call's cost is counted once in total spent "
                + "and split over every image it returned in the per-image figures.";
        if (scores is not null)
            note += " An acceptable image passed every automatic check of its prompt; per acceptable image = per image ÷ pass rate, "
                + "time = mean latency × expected attempts (1 ÷ pass rate).";
        if (scores?.NeedsALook() is int look and > 0)
            note += $" {look} {(look == 1 ? "check needs" : "checks need")} a look (the automatic verdict is uncertain): "
                + "not counted as failures and left out of pass rates and capability shares.";
        return note;
    }

    /// <summary>Only when some provider sent more than asked: how often, so the split per-image cost can be read.</summary>
    private static IEnumerable<string[]> ExtraImageRows(IReadOnlyList<ReportModel> models)
    {
        if (models.All(m => m.Stats.CallsWithExtraImages == 0)) yield break;
        yield return Row("Extra images returned", models, m => m.Stats.CallsWithExtraImages == 0
            ? "0"
            : $"{Count(m.Stats.ExtraImages)} in {Count(m.Stats.CallsWithExtraImages)} call{(m.Stats.CallsWithExtraImages == 1 ? "" : "s")} (1 asked per call)");
    }

    /// <summary>The article's "you'll burn the time savings re-rolling for typos", as numbers.</summary>
    private static IEnumerable<string[]> AcceptableRows(IReadOnlyList<ReportModel> models, Scoring.RunScores? scores)
    {
        if (scores is null || models.All(m => scores.PassRate(m.Id) is null)) yield break;
        yield return Row("Pass rate (all checks)", models, m => Percent(scores.PassRate(m.Id)));
        yield return Row("Cost per acceptable image", models, m =>
            scores.PassRate(m.Id) switch
            {
                0 => "no acceptable image",
                > 0 and var rate when m.Stats.MeanCostPerOkImageUsd is { } cost => Usd(cost / (decimal)rate),
                _ => "–",
            });
        yield return Row("Time per acceptable image", models, m =>
            scores.PassRate(m.Id) switch
            {
                0 => "no acceptable image",
                > 0 and var rate when m.Stats.Latency is { } latency => Duration(latency.Mean / rate),
                _ => "–",
            });
    }

    public static ReportTable Outcomes(IReadOnlyList<ReportModel> models) => Table("Outcomes", "Outcome", models,
    [
        Row("Attempts", models, m => Count(m.Stats.Attempts)),
        Row("OK", models, m => Count(m.Stats.Ok)),
        Row("Refused", models, m => Count(m.Stats.Refused)),
        Row("Provider error", models, m => Count(m.Stats.ProviderErrors)),
        Row("Timeout", models, m => Count(m.Stats.Timeouts)),
        Row("Invalid response", models, m => Count(m.Stats.InvalidResponses)),
        Row("Cancelled", models, m => Count(m.Stats.Cancelled)),
        Row("Retried (attempts)", models, m => Count(m.Stats.Retried)),
        Row("Retries (total)", models, m => Count(m.Stats.TotalRetries)),
        Row("Interrupted calls", models, m => Count(m.Stats.InterruptedCalls)),
        Row("Success rate", models, m => Percent(m.Stats.SuccessRate)),
    ]);

    public static string PriceAt1K(ModelEntry? entry)
    {
        if (entry is null) return "not in catalog";
        var price = entry.Price;
        var provenance = $"({price.Source}, read {Date(price.ReadOn)})";
        if (price.PerImageUsd.TryGetValue("1K", out var perImage)) return $"{Usd(perImage)} / image {provenance}";
        if (price.PerMillionTokensUsd is { } t)
            return $"per token: output image {Usd(t.OutputImage)}/M, input text {Usd(t.InputText)}/M {provenance}";
        return $"no 1K price {provenance}";
    }

    public static string FailureSummary(ModelStats s) => s.NotOk == 0 ? "0" : $"{s.NotOk} ({FailureBreakdown(s)})";

    /// <summary>"1 refused, 2 timeout": the non-zero failure counts.</summary>
    public static string FailureBreakdown(ModelStats s)
    {
        var parts = new List<string>();
        void Add(int n, string what) { if (n > 0) parts.Add($"{n} {what}"); }
        Add(s.Refused, "refused");
        Add(s.ProviderErrors, "provider error");
        Add(s.Timeouts, "timeout");
        Add(s.InvalidResponses, "invalid");
        Add(s.Cancelled, "cancelled");
        return string.Join(", ", parts);
    }

    private static string OutputFormat(ModelStats s) => s.Formats.Count == 0
        ? "no images"
        : string.Join("; ", s.Formats.Select(f => $"{f.Format.ToUpperInvariant()}, {Bytes(f.MeanBytes)} mean"));

    private static string[] Row(string label, IReadOnlyList<ReportModel> models, Func<ReportModel, string> cell) =>
        [label, .. models.Select(cell)];

    private static ReportTable Table(
        string title, string firstHeader, IReadOnlyList<ReportModel> models, IReadOnlyList<IReadOnlyList<string>> rows, string? note = null) =>
        new(title, [firstHeader, .. models.Select(m => m.Name)], rows, note);
}
