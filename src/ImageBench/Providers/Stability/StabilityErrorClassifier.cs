using System.Text.Json;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Stability;

/// <summary>
/// Stability errors are {id, name, errors[]}; a 403 is its content-moderation answer (name content_moderation),
/// so 403 and moderation names are refusals. A 200 whose finish reason is CONTENT_FILTERED is a refusal too:
/// the bytes are a blurred stand-in, not the image asked for.
/// </summary>
public static class StabilityErrorClassifier
{
    public const string ContentFiltered = "CONTENT_FILTERED";

    public static (AttemptOutcome Outcome, string Reason) Classify(int status, string body, ApiKey? secret = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        string? name = null;
        string? words = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            name = JsonRead.Text(root, "name");
            if (JsonRead.Child(root, "errors") is { ValueKind: JsonValueKind.Array } errors)
                words = string.Join("; ", errors.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText()));
            words ??= JsonRead.Text(root, "message");
        }
        catch (JsonException)
        {
            // Not JSON: quote the raw text.
        }
        words ??= ProviderWords.From(body);
        var refused = status == 403 || ModerationWording.Matches(name) || ModerationWording.Matches(words);
        var label = name is null ? $"HTTP {status}" : $"HTTP {status} {name}";
        return (refused ? AttemptOutcome.Refused : AttemptOutcome.ProviderError, ProviderWords.Truncate(ProviderWords.Redact($"{label}: {words}", secret)));
    }

    public static bool IsFiltered(string? finishReason) => string.Equals(finishReason, ContentFiltered, StringComparison.OrdinalIgnoreCase);
}
