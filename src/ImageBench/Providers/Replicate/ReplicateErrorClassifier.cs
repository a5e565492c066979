using System.Text.Json;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Replicate;

/// <summary>
/// Maps Replicate's answers to outcomes. HTTP errors are problem+json (<c>{title, detail, status}</c>); a prediction
/// that failed because a safety filter fired is a refusal (its error mentions NSFW or "flagged as sensitive"),
/// any other failure, cancellation or abort a provider error.
/// </summary>
public static class ReplicateErrorClassifier
{
    /// <summary>Wording of Replicate's safety failures: "NSFW content detected", "flagged as sensitive … (E005)".</summary>
    private static readonly string[] RefusalWords = ["nsfw", "flagged as sensitive", "safety filter", "safety check", "content policy", "moderat"];

    public static (AttemptOutcome Outcome, string Reason) ClassifyHttp(int status, string body, ApiKey? secret = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var (title, detail) = Problem(body);
        var words = detail is not null ? ProviderWords.Truncate(ProviderWords.Redact(detail, secret)) : ProviderWords.From(body, secret);
        var reason = title is null ? $"HTTP {status}: {words}" : $"HTTP {status} {title}: {words}";
        return (IsRefusal(words) ? AttemptOutcome.Refused : AttemptOutcome.ProviderError, reason);
    }

    /// <summary>The outcome of a terminal status, or null when the prediction is still running or succeeded.</summary>
    public static (AttemptOutcome Outcome, string Reason)? ClassifyStatus(ReplicatePrediction prediction, ApiKey? secret = null)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var error = prediction.Error is { } e ? ProviderWords.Truncate(ProviderWords.Redact(e, secret)) : null;
        return prediction.Status switch
        {
            ReplicateStatus.Failed when error is not null && IsRefusal(error) => (AttemptOutcome.Refused, $"prediction failed: {error}"),
            ReplicateStatus.Failed => (AttemptOutcome.ProviderError, error is null ? "prediction failed (no error given)" : $"prediction failed: {error}"),
            ReplicateStatus.Canceled => (AttemptOutcome.ProviderError, error is null ? "prediction canceled" : $"prediction canceled: {error}"),
            ReplicateStatus.Aborted => (AttemptOutcome.ProviderError, error is null ? "prediction aborted before it started" : $"prediction aborted: {error}"),
            _ => null,
        };
    }

    public static bool IsRefusal(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return RefusalWords.Any(w => words.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    private static (string? Title, string? Detail) Problem(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, null);
            var title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var detail = root.TryGetProperty("detail", out var d) ? ProviderWords.DetailText(d) : null;
            return (title, detail);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
