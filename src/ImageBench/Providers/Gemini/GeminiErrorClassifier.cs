using System.Text.Json;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Gemini;

/// <summary>
/// Maps Google's answers to outcomes (shared by Gemini and Imagen). HTTP errors use
/// <c>{"error":{code, message, status}}</c>; safety blocks arrive as 200s: <c>promptFeedback.blockReason</c>
/// (the prompt, before generation) or a safety finishReason with no image (the output).
/// </summary>
public static class GeminiErrorClassifier
{
    /// <summary>finishReasons that mean a safety or policy system stopped the answer.</summary>
    public static readonly IReadOnlySet<string> SafetyFinishReasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "SAFETY", "IMAGE_SAFETY", "PROHIBITED_CONTENT", "IMAGE_PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "RECITATION", "IMAGE_RECITATION",
    };

    public static (AttemptOutcome Outcome, string Reason) ClassifyHttp(int status, string body, ApiKey? secret = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var words = ProviderWords.From(body, secret);
        var label = Status(body);
        return (AttemptOutcome.ProviderError, label is null ? $"HTTP {status}: {words}" : $"HTTP {status} {label}: {words}");
    }

    /// <summary>
    /// The outcome of a 200 without an image: a refusal when Google says a safety system blocked it, otherwise a
    /// provider error "no image in response" quoting the model's text (the API worked; the model chose not to draw).
    /// </summary>
    public static (AttemptOutcome Outcome, string Reason) ClassifyNoImage(GeminiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.BlockReason is { } block)
            return (AttemptOutcome.Refused, Join($"promptFeedback.blockReason {block} (moderation_stage: input)", response.BlockMessage));
        if (response.FinishReason is { } finish && SafetyFinishReasons.Contains(finish))
            return (AttemptOutcome.Refused, Join($"finishReason {finish} (moderation_stage: output)", response.FinishMessage ?? response.Text));
        var why = response.FinishReason is { } f && f != "STOP" ? $"no image in response (finishReason {f})" : "no image in response";
        return (AttemptOutcome.ProviderError, Join(why, response.Text is null ? response.FinishMessage : $"model text: {response.Text}"));
    }

    private static string Join(string head, string? words) =>
        words is null ? head : ProviderWords.Truncate($"{head}: {words}");

    private static string? Status(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var e)
                   && e.ValueKind == JsonValueKind.Object && e.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
