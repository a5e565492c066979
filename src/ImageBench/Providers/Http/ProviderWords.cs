using System.Text.Json;

namespace ImageBench.Providers.Http;

/// <summary>
/// Turns an error body into the provider's own sentence, short enough to store on every retry record and
/// with the credential scrubbed out (OpenAI echoes part of a wrong key back in its 401 message).
/// </summary>
public static class ProviderWords
{
    public const int MaxLength = 300;

    /// <summary>The most human field of a JSON error (error.message, message, detail[].msg, error) or the raw text.</summary>
    public static string From(string body, ApiKey? secret = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Truncate(Redact(ExtractMessage(body) ?? body.Trim(), secret));
    }

    public static string Truncate(string text, int max = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
    }

    public static string Redact(string text, ApiKey? secret)
    {
        ArgumentNullException.ThrowIfNull(text);
        return secret is null ? text : text.Replace(secret.Reveal(), "[redacted]", StringComparison.Ordinal);
    }

    private static string? ExtractMessage(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                    return m.GetString();
                if (error.ValueKind == JsonValueKind.String && !root.TryGetProperty("message", out _))
                    return error.GetString();
            }
            if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                return message.GetString();
            if (root.TryGetProperty("detail", out var detail))
                return DetailText(detail);
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>FastAPI's detail is a string or a list of {loc, msg, type}.</summary>
    internal static string? DetailText(JsonElement detail)
    {
        if (detail.ValueKind == JsonValueKind.String) return detail.GetString();
        if (detail.ValueKind != JsonValueKind.Array) return detail.ValueKind == JsonValueKind.Object ? detail.GetRawText() : null;
        var parts = new List<string>();
        foreach (var item in detail.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) continue;
            var msg = item.TryGetProperty("msg", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var loc = item.TryGetProperty("loc", out var l) && l.ValueKind == JsonValueKind.Array
                ? string.Join('.', l.EnumerateArray().Select(x => x.ToString()))
                : null;
            if (msg is not null) parts.Add(loc is null ? msg : $"{loc}: {msg}");
        }
        return parts.Count > 0 ? string.Join("; ", parts) : null;
    }
}
