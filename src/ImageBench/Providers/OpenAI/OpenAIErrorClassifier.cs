using System.Text.Json;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.OpenAI;

/// <summary>
/// Maps a non-2xx answer to an outcome. Moderation is a refusal (the model said no), everything else an
/// error; both keep the provider's message so reports quote OpenAI, not us.
/// </summary>
public static class OpenAIErrorClassifier
{
    /// <summary>gpt-image models say moderation_blocked; dall-e says content_policy_violation.</summary>
    private static readonly HashSet<string> RefusalCodes = ["moderation_blocked", "content_policy_violation"];

    public static (AttemptOutcome Outcome, string Reason) Classify(int status, string body, ApiKey? secret = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var error = ReadError(body);
        var message = error?.Message ?? ProviderWords.From(body);
        if (status == 400 && error?.Code is { } code && RefusalCodes.Contains(code))
        {
            var stage = error.Stage is null ? "" : $" (moderation_stage: {error.Stage}";
            if (stage.Length > 0)
                stage += error.Categories is { Length: > 0 } c ? $"; categories: {string.Join(", ", c)})" : ")";
            return (AttemptOutcome.Refused, ProviderWords.Redact($"{code}: {message}{stage}", secret));
        }
        var label = error?.Code ?? error?.Type;
        var reason = label is null ? $"HTTP {status}: {message}" : $"HTTP {status} {label}: {message}";
        return (AttemptOutcome.ProviderError, ProviderWords.Redact(reason, secret));
    }

    private sealed record ErrorBody(string? Message, string? Type, string? Code, string? Stage, string[]? Categories);

    private static ErrorBody? ReadError(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("error", out var e) || e.ValueKind != JsonValueKind.Object)
                return null;
            string? stage = null;
            string[]? categories = null;
            if (e.TryGetProperty("moderation_details", out var md) && md.ValueKind == JsonValueKind.Object)
            {
                stage = Text(md, "moderation_stage");
                if (md.TryGetProperty("categories", out var cats) && cats.ValueKind == JsonValueKind.Array)
                    categories = cats.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToArray();
            }
            return new ErrorBody(Text(e, "message"), Text(e, "type"), Text(e, "code"), stage, categories);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
