using System.Globalization;
using System.Text;
using ImageBench.Attempts;

namespace ImageBench.Reporting;

/// <summary>
/// Every attempt as one CSV row (RFC 4180, invariant numbers, ms), for spreadsheets and notebooks. Nothing is
/// aggregated here: the raw rows let anyone recompute the report's statistics.
/// </summary>
public static class CsvReportWriter
{
    private static readonly string[] PhaseColumns = [PhaseNames.Submit, PhaseNames.Queued, PhaseNames.Generating, PhaseNames.Download];

    public static readonly IReadOnlyList<string> Columns =
    [
        "run_id", "model", "prompt_id", "repeat", "outcome", "reason", "http_status", "provider_request_id", "started_at",
        "latency_ms", "retry_overhead_ms", "latency_excl_retries_ms", "retries", "server_ms", "server_ms_source",
        .. PhaseColumns.Select(p => $"{p}_ms"),
        "cost_usd", "cost_source", "format", "width", "height", "bytes", "sha256", "image_path", "revised_prompt", "interrupted_calls",
        "seed", "images_returned", "cost_per_image_usd", "extra_image_paths",
    ];

    public static string Write(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Write(report.Attempts);
    }

    public static string Write(IReadOnlyList<Attempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var csv = new StringBuilder();
        csv.AppendJoin(',', Columns).Append("\r\n");
        foreach (var a in attempts)
        {
            string?[] cells =
            [
                a.RunId, a.Model, a.PromptId, N(a.Repeat), a.Outcome.ToWire(), a.Reason, N(a.HttpStatus), a.ProviderRequestId,
                a.StartedAt.ToString("O", CultureInfo.InvariantCulture),
                N(a.LatencyMs), N(a.RetryOverheadMs), N(Math.Max(0, a.LatencyMs - a.RetryOverheadMs)), N(a.Retries.Count),
                N(a.ServerMs), a.ServerMsSource,
                .. PhaseColumns.Select(p => N(a.Phases.FirstOrDefault(x => x.Name == p)?.DurationMs)),
                a.CostUsd?.ToString(CultureInfo.InvariantCulture), a.CostSource,
                a.Image?.Format, N(a.Image?.Width), N(a.Image?.Height), N(a.Image?.Bytes), a.Image?.Sha256,
                a.ImagePath, a.RevisedPrompt, N(a.InterruptedCalls),
                a.Seed, N(a.ImagesReturned), a.CostPerImageUsd?.ToString(CultureInfo.InvariantCulture),
                // One cell for a list: paths never hold a space (images/{sha256}.{ext}).
                string.Join(' ', a.ExtraImages.Where(x => x.ImagePath is not null).Select(x => x.ImagePath)),
            ];
            csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string? N(double? v) => v?.ToString("0.###", CultureInfo.InvariantCulture);
    private static string? N(long? v) => v?.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string? cell)
    {
        if (cell is null) return "";
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
