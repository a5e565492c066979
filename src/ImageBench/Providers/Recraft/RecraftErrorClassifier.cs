using System.Text.Json;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Recraft;

/// <summary>
/// Recraft documents only "a non-2xx JSON body". We read {code, message} or {error:{code, message}} and treat
/// moderation wording (or a code naming it) as a refusal. Shapes unverified: no capture exists.
/// </summary>
public static class RecraftErrorClassifier
{
    public static (AttemptOutcome Outcome, string Reason) Classify(int status, string body, ApiKey? secret = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        string? code = null;
        string? message = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            var holder = JsonRead.Object(root, "error") ?? (root.ValueKind == JsonValueKind.Object ? root : (JsonElement?)null);
            code = JsonRead.Code(holder, "code");
            message = JsonRead.Text(holder, "message");
        }
        catch (JsonException)
        {
            // Not JSON: quote the raw text.
        }
        message ??= ProviderWords.From(body);
        var refused = ModerationWording.Matches(code) || ModerationWording.Matches(message);
        var label = code is null ? $"HTTP {status}" : $"HTTP {status} {code}";
        return (refused ? AttemptOutcome.Refused : AttemptOutcome.ProviderError, ProviderWords.Truncate(ProviderWords.Redact($"{label}: {message}", secret)));
    }
}
