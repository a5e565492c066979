using System.Text.Json;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Ark;

/// <summary>
/// data[0] of an Ark answer: an image (b64 or signed URL) or that image's own error; plus the further data[] images
/// (sequential generation can send several; entries that are an error are no image and are left out).
/// </summary>
public sealed record ArkAnswer(byte[]? ImageBytes, Uri? ImageUrl, string? Size, string? ErrorCode, string? ErrorMessage, TokenUsage? Usage, long? GeneratedImages)
{
    public IReadOnlyList<ExtraImageSource> Extras { get; init; } = [];
}

/// <summary>Pure reading of Ark image bodies. Garbage yields a reason (InvalidResponse), never an exception.</summary>
public static class ArkResponseParser
{
    public static (ArkAnswer? Answer, string? Failure) Parse(ReadOnlySpan<byte> body)
    {
        var (doc, failure) = JsonRead.Parse(body, "response");
        if (doc is null) return (null, failure);
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "response is not a JSON object");
            var usageNode = JsonRead.Object(root, "usage");
            var usage = ParseUsage(usageNode);
            var generated = JsonRead.Long(usageNode, "generated_images");
            if (JsonRead.First(root, "data") is not { ValueKind: JsonValueKind.Object } first)
                return (null, "response has no data[] entries");
            if (JsonRead.Object(first, "error") is { } error)
                return (new ArkAnswer(null, null, null, JsonRead.Code(error, "code"), JsonRead.Text(error, "message"), usage, generated), null);
            var size = JsonRead.Text(first, "size");
            var extras = ExtraImages.AfterFirst(JsonRead.Child(root, "data"),
                (entry, i) => JsonRead.Object(entry, "error") is null ? ExtraImages.FromEntry(entry, $"data[{i}]") : null);
            if (JsonRead.Text(first, "b64_json") is { } b64)
            {
                try
                {
                    var bytes = Convert.FromBase64String(b64);
                    return bytes.Length == 0 ? (null, "data[0].b64_json is empty") : (new ArkAnswer(bytes, null, size, null, null, usage, generated) { Extras = extras }, null);
                }
                catch (FormatException)
                {
                    return (null, "data[0].b64_json is not valid base64");
                }
            }
            if (JsonRead.Text(first, "url") is { } url)
                return SyncExchange.IsHttpUrl(url, out var uri)
                    ? (new ArkAnswer(null, uri, size, null, null, usage, generated) { Extras = extras }, null)
                    : (null, "data[0].url is not an http(s) URL");
            return (null, "data[0] has neither b64_json, url nor error");
        }
    }

    /// <summary>Ark's output_tokens are image tokens in practice, but like OpenAI's undetailed usage they are stored as said.</summary>
    public static TokenUsage? ParseUsage(JsonElement? usage)
    {
        var parsed = new TokenUsage(OutputTokens: JsonRead.Long(usage, "output_tokens"), TotalTokens: JsonRead.Long(usage, "total_tokens"));
        return parsed == new TokenUsage() ? null : parsed;
    }
}
