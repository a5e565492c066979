using System.Text.Json;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Ark;

/// <summary>
/// Ark errors are {"error":{code, message, param, type}} on the response or per image inside data[]. Its
/// moderation codes name sensitive content (InputTextSensitiveContentDetected, OutputImageSensitiveContentDetected,
/// SensitiveContentDetected…); those and moderation wording are refusals, everything else an error.
/// </summary>
public static class ArkErrorClassifier
{
    public static (AttemptOutcome Outcome, string Reason) ClassifyHttp(int status, string body, ApiKey? secret = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        string? code = null;
        string? message = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            var error = JsonRead.Object(doc.RootElement, "error");
            code = JsonRead.Code(error, "code");
            message = JsonRead.Text(error, "message");
        }
        catch (JsonException)
        {
            // Not JSON: quote the raw text.
        }
        message ??= ProviderWords.From(body);
        return Classify(code, message, $"HTTP {status}", secret);
    }

    public static (AttemptOutcome Outcome, string Reason) Classify(string? code, string? message, string where, ApiKey? secret = null)
    {
        var refused = IsRefusal(code) || ModerationWording.Matches(message);
        var label = code is null ? where : $"{where} {code}";
        return (refused ? AttemptOutcome.Refused : AttemptOutcome.ProviderError,
            ProviderWords.Truncate(ProviderWords.Redact($"{label}: {message ?? "(no message)"}", secret)));
    }

    public static bool IsRefusal(string? code) =>
        code is not null && (code.Contains("Sensitive", StringComparison.OrdinalIgnoreCase)
                             || code.Contains("Moderation", StringComparison.OrdinalIgnoreCase)
                             || code.Contains("Risk", StringComparison.OrdinalIgnoreCase));
}
