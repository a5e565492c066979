using System.Text.Json;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Fal;

/// <summary>Pure reading of fal queue bodies. Garbage yields a reason (InvalidResponse), never an exception.</summary>
public static class FalResponseParser
{
    public static (FalSubmission? Submission, string? Failure) ParseSubmit(ReadOnlySpan<byte> body) => Read<FalSubmission>(body, "submit response", root =>
    {
        if (Text(root, "request_id") is not { Length: > 0 } id) return (null, "submit response has no request_id");
        var status = Text(root, "status_url");
        var response = Text(root, "response_url");
        if (status is not null && Http(status) is null) return (null, "submit response status_url is not an http(s) URL");
        if (response is not null && Http(response) is null) return (null, "submit response response_url is not an http(s) URL");
        return (new FalSubmission(id, Http(status), Http(response)), null);
    });

    public static (FalQueueStatus? Status, string? Failure) ParseStatus(ReadOnlySpan<byte> body) => Read<FalQueueStatus>(body, "status response", root =>
    {
        if (Text(root, "status") is not { } status) return (null, "status response has no status");
        int? position = root.TryGetProperty("queue_position", out var q) && q.ValueKind == JsonValueKind.Number && q.TryGetInt32(out var p) ? p : null;
        var error = root.TryGetProperty("error", out var e) && e.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? (e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())
            : null;
        return (new FalQueueStatus(status, position, Http(Text(root, "response_url")), error, Text(root, "error_type")), null);
    });

    /// <summary>
    /// The result payload, either as GET response_url returns it or wrapped in the webhook envelope
    /// {"status":"OK","payload":{…}} (the shape of the recorded capture).
    /// </summary>
    public static (FalResult? Result, string? Failure) ParseResult(ReadOnlySpan<byte> body) => Read<FalResult>(body, "result", root =>
    {
        if (root.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object)
            root = payload;
        if (!root.TryGetProperty("images", out var images) || images.ValueKind != JsonValueKind.Array)
            return (null, "result has no images[]");
        var nsfw = root.TryGetProperty("has_nsfw_concepts", out var flags) && flags.ValueKind == JsonValueKind.Array
                   && flags.GetArrayLength() > 0 && flags[0].ValueKind == JsonValueKind.True;
        double? inference = null;
        if (root.TryGetProperty("timings", out var timings) && timings.ValueKind == JsonValueKind.Object)
            inference = Number(timings, "inference");
        var seed = root.TryGetProperty("seed", out var s) && s.ValueKind is JsonValueKind.Number or JsonValueKind.String
            ? (s.ValueKind == JsonValueKind.String ? s.GetString() : s.GetRawText())
            : null;
        var prompt = Text(root, "prompt");
        if (images.GetArrayLength() == 0)
            return (new FalResult(null, null, null, null, inference, nsfw, seed, prompt), null);
        var first = images[0];
        if (first.ValueKind != JsonValueKind.Object) return (null, "images[0] is not an object");
        // Kept as text: a data: URL (sync_mode) of a real image is longer than System.Uri accepts.
        var url = Text(first, "url");
        if (url is not null && !InlineImageUrl.IsDataUrl(url) && Http(url) is null) return (null, "images[0].url is not an http(s) or data: URL");
        var extras = ExtraImages.AfterFirst(images, (image, i) => image.ValueKind == JsonValueKind.Object && Text(image, "url") is { } link
            ? new ExtraImageSource($"images[{i}].url", null, link, Text(image, "content_type"))
            : ExtraImageSource.Unusable($"images[{i}]", $"images[{i}] has no url"));
        return (new FalResult(url, Text(first, "content_type"), Int(first, "width"), Int(first, "height"), inference, nsfw, seed, prompt) { Extras = extras }, null);
    });

    private delegate (T?, string?) Reader<T>(JsonElement root);

    private static (T?, string?) Read<T>(ReadOnlySpan<byte> body, string what, Reader<T> read)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? read(doc.RootElement) : (default, $"{what} is not a JSON object");
        }
        catch (JsonException e)
        {
            return (default, $"{what} is not JSON: {e.Message}");
        }
    }

    private static Uri? Http(string? s) =>
        s is not null && Uri.TryCreate(s, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) ? u : null;

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;

    private static double? Number(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d) && d >= 0 ? d : null;
}
