using System.Text.Json;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.OpenAI;

/// <summary>
/// Pure reading of a 200 body. Anything unexpected (not JSON, no data, bad base64, a non-https URL) becomes a
/// reason string for InvalidResponse; nothing here throws for what the server sent.
/// </summary>
public static class OpenAIResponseParser
{
    public static (OpenAIImagesResponse? Response, string? Failure) Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            return Parse(doc.RootElement);
        }
        catch (JsonException e)
        {
            return (null, $"response is not JSON: {e.Message}");
        }
    }

    private static (OpenAIImagesResponse?, string?) Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return (null, "response is not a JSON object");
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array || data.GetArrayLength() == 0)
            return (null, "response has no data[] entries");
        var first = data[0];
        if (first.ValueKind != JsonValueKind.Object) return (null, "data[0] is not an object");

        var revised = Text(first, "revised_prompt");
        var format = Text(root, "output_format");
        var usage = root.TryGetProperty("usage", out var u) ? ParseUsage(u) : null;
        var extras = ExtraImages.AfterFirst(data, (entry, i) => ExtraImages.FromEntry(entry, $"data[{i}]"));

        if (Text(first, "b64_json") is { } b64)
        {
            try
            {
                var bytes = Convert.FromBase64String(b64);
                return bytes.Length == 0
                    ? (null, "data[0].b64_json is empty")
                    : (new OpenAIImagesResponse(bytes, null, format, revised, usage) { Extras = extras }, null);
            }
            catch (FormatException)
            {
                return (null, "data[0].b64_json is not valid base64");
            }
        }
        if (Text(first, "url") is { } url)
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                ? (new OpenAIImagesResponse(null, uri, format, revised, usage) { Extras = extras }, null)
                : (null, "data[0].url is not an http(s) URL");
        }
        return (null, "data[0] has neither b64_json nor url");
    }

    /// <summary>
    /// Usage by modality. OutputImageTokens is set only when output_tokens_details.image_tokens is explicit:
    /// older gpt-image-1 answers (Sep 2025) had output_tokens without details, and although those are image
    /// tokens in practice, we record what was said (OutputTokens) and let pricing decide, rather than guess.
    /// </summary>
    public static TokenUsage? ParseUsage(JsonElement usage)
    {
        if (usage.ValueKind != JsonValueKind.Object) return null;
        var inDetails = Child(usage, "input_tokens_details");
        var outDetails = Child(usage, "output_tokens_details");
        var parsed = new TokenUsage(
            InputTextTokens: Long(inDetails, "text_tokens"),
            InputImageTokens: Long(inDetails, "image_tokens"),
            OutputImageTokens: Long(outDetails, "image_tokens"),
            OutputTextTokens: Long(outDetails, "text_tokens"),
            InputTokens: Long(usage, "input_tokens"),
            OutputTokens: Long(usage, "output_tokens"),
            TotalTokens: Long(usage, "total_tokens"));
        return parsed == new TokenUsage() ? null : parsed;
    }

    private static JsonElement? Child(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : null;

    private static long? Long(JsonElement? parent, string name) =>
        parent is { } p && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n >= 0
            ? n
            : null;

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
