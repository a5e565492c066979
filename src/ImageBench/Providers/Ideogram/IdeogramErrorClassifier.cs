using System.Text.Json;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Ideogram;

/// <summary>
/// Ideogram errors carry their words in error, message or detail (shape unverified: no capture). Prompts
/// rejected by its safety check are refusals; so is a 200 whose only image has is_image_safe false.
/// </summary>
public static class IdeogramErrorClassifier
{
    public static (AttemptOutcome Outcome, string Reason) Classify(int status, string body, ApiKey? secret = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        string? words = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            words = JsonRead.Text(root, "error") ?? JsonRead.Text(JsonRead.Object(root, "error"), "message") ?? JsonRead.Text(root, "message")
                    ?? (JsonRead.Child(root, "detail") is { } d ? ProviderWords.DetailText(d) : null);
        }
        catch (JsonException)
        {
            // Not JSON: quote the raw text.
        }
        words ??= ProviderWords.From(body);
        var refused = ModerationWording.Matches(words);
        return (refused ? AttemptOutcome.Refused : AttemptOutcome.ProviderError, ProviderWords.Truncate(ProviderWords.Redact($"HTTP {status}: {words}", secret)));
    }

    public static string UnsafeReason(IdeogramAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return $"is_image_safe false: the image was withheld (seed {answer.Seed ?? "?"})";
    }
}
