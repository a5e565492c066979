using System.Text.Json;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.OpenRouter;

/// <summary>
/// OpenRouter errors are {"error":{code, message, metadata}}. Its documented moderation answer is 403 with
/// metadata.reasons/flagged_input; upstream safety blocks arrive as messages naming safety or moderation.
/// Both are refusals. A 200 without an image is a refusal only when the model or the router says why.
/// </summary>
public static class OpenRouterErrorClassifier
{
    /// <summary>Gemini's finish reasons for safety blocks, passed through as native_finish_reason.</summary>
    private static readonly HashSet<string> SafetyFinish =
        new(["SAFETY", "IMAGE_SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "IMAGE_PROHIBITED_CONTENT", "content_filter"], StringComparer.OrdinalIgnoreCase);

    public static (AttemptOutcome Outcome, string Reason) ClassifyHttp(int status, string body, ApiKey? secret = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        OpenRouterError? error = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object) error = OpenRouterResponseParser.ReadError(doc.RootElement);
        }
        catch (JsonException)
        {
            // Not JSON: the raw words are quoted below.
        }
        if (error is null)
            return (AttemptOutcome.ProviderError, ProviderWords.Redact($"HTTP {status}: {ProviderWords.From(body)}", secret));
        return Classify(status, error, secret);
    }

    public static (AttemptOutcome Outcome, string Reason) Classify(int status, OpenRouterError error, ApiKey? secret = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var refused = status == 403 || ModerationWording.Matches(error.Message) || ModerationWording.Matches(error.Metadata);
        var words = error.Metadata is null ? error.Message : $"{error.Message} (metadata: {error.Metadata})";
        var label = error.Code is null || error.Code == status.ToString(System.Globalization.CultureInfo.InvariantCulture) ? $"HTTP {status}" : $"HTTP {status} (error {error.Code})";
        var reason = ProviderWords.Truncate(ProviderWords.Redact($"{label}: {words}", secret));
        return (refused ? AttemptOutcome.Refused : AttemptOutcome.ProviderError, reason);
    }

    /// <summary>A 200 with no image: Refused when a refusal or safety finish reason explains it, else InvalidResponse.</summary>
    public static (AttemptOutcome Outcome, string Reason) ClassifyNoImage(OpenRouterAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var why = $"no image in the answer (finish_reason {answer.FinishReason ?? "none"}, native {answer.NativeFinishReason ?? "none"})";
        if (answer.Refusal is { Length: > 0 } refusal)
            return (AttemptOutcome.Refused, ProviderWords.Truncate($"refusal: {refusal}"));
        if ((answer.NativeFinishReason is { } n && SafetyFinish.Contains(n)) || (answer.FinishReason is { } f && SafetyFinish.Contains(f)))
            return (AttemptOutcome.Refused, ProviderWords.Truncate(answer.Text is { Length: > 0 } t ? $"{why}: {t}" : why));
        return (AttemptOutcome.InvalidResponse, ProviderWords.Truncate(answer.Text is { Length: > 0 } text ? $"{why}; text: {text}" : why));
    }
}
