using System.Text.Json;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Fal;

/// <summary>
/// Maps fal's answers to outcomes. fal errors are FastAPI-style: <c>{"detail":[{loc,msg,type}]}</c> or a string;
/// a detail of type <c>content_policy_violation</c> is the model's moderation, hence a refusal, not an error.
/// </summary>
public static class FalErrorClassifier
{
    public const string ContentPolicyViolation = "content_policy_violation";

    public static (AttemptOutcome Outcome, string Reason) ClassifyHttp(int status, string body, ApiKey? secret = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var words = ProviderWords.From(body, secret);
        if (DetailTypes(body).Contains(ContentPolicyViolation))
            return (AttemptOutcome.Refused, ProviderWords.Redact($"{ContentPolicyViolation}: {words}", secret));
        var reason = status switch
        {
            401 => $"HTTP 401 unauthorized: {words}",
            403 => $"HTTP 403 forbidden: {words}",
            422 => $"HTTP 422 validation error: {words}",
            _ => $"HTTP {status}: {words}",
        };
        return (AttemptOutcome.ProviderError, reason);
    }

    /// <summary>A COMPLETED status that carries an error: the request failed inside fal.</summary>
    public static (AttemptOutcome Outcome, string Reason) ClassifyStatusError(FalQueueStatus status, ApiKey? secret = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        var words = ProviderWords.Truncate(ProviderWords.Redact(status.Error ?? "(no error text)", secret));
        if (status.ErrorType == ContentPolicyViolation || words.Contains(ContentPolicyViolation, StringComparison.OrdinalIgnoreCase))
            return (AttemptOutcome.Refused, $"{ContentPolicyViolation}: {words}");
        return (AttemptOutcome.ProviderError, status.ErrorType is { } type ? $"request failed ({type}): {words}" : $"request failed: {words}");
    }

    /// <summary>The safety checker flagged the image; fal then returns a blacked-out picture, so there is nothing to keep.</summary>
    public static string NsfwReason => "has_nsfw_concepts: true (moderation_stage: output; fal blanks flagged images)";

    private static HashSet<string> DetailTypes(string body)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("detail", out var detail)
                && detail.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in detail.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String)
                        types.Add(t.GetString()!);
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: no typed details to read.
        }
        return types;
    }
}
