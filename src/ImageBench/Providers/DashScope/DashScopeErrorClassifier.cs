using System.Text.Json;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.DashScope;

/// <summary>
/// DashScope errors are {request_id, code, message} over HTTP, or output.code/message on a FAILED task. Its content
/// inspection codes (DataInspectionFailed, data_inspection_failed, IPInfringementSuspect…) are refusals.
/// </summary>
public static class DashScopeErrorClassifier
{
    public static (AttemptOutcome Outcome, string Reason) ClassifyHttp(int status, string body, ApiKey? secret = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        string? code = null;
        string? message = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            code = JsonRead.Text(doc.RootElement, "code");
            message = JsonRead.Text(doc.RootElement, "message");
        }
        catch (JsonException)
        {
            // Not JSON: quote the raw text.
        }
        return Classify(code, message ?? ProviderWords.From(body), $"HTTP {status}", secret);
    }

    /// <summary>A FAILED (or CANCELED/UNKNOWN) task.</summary>
    public static (AttemptOutcome Outcome, string Reason) ClassifyTask(DashScopeTask task, ApiKey? secret = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Classify(task.Code, task.Message ?? "(no message)", $"task {task.Status}", secret);
    }

    public static (AttemptOutcome Outcome, string Reason) Classify(string? code, string message, string where, ApiKey? secret = null)
    {
        var refused = IsRefusal(code) || ModerationWording.Matches(message);
        var label = code is null ? where : $"{where} {code}";
        return (refused ? AttemptOutcome.Refused : AttemptOutcome.ProviderError, ProviderWords.Truncate(ProviderWords.Redact($"{label}: {message}", secret)));
    }

    public static bool IsRefusal(string? code) =>
        code is not null && (code.Contains("DataInspection", StringComparison.OrdinalIgnoreCase)
                             || code.Contains("data_inspection", StringComparison.OrdinalIgnoreCase)
                             || code.Contains("Infringement", StringComparison.OrdinalIgnoreCase)
                             || code.Contains("Inappropriate", StringComparison.OrdinalIgnoreCase));
}
