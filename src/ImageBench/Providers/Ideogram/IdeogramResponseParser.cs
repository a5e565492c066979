using System.Text.Json;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Ideogram;

/// <summary>
/// data[0] of an Ideogram answer (a null url with is_image_safe false means the image was withheld), plus the further
/// data[] images, each with its own seed; withheld ones never came back and are left out.
/// </summary>
public sealed record IdeogramAnswer(Uri? ImageUrl, bool? IsImageSafe, string? Resolution, string? Seed, string? Prompt)
{
    public IReadOnlyList<ExtraImageSource> Extras { get; init; } = [];
}

/// <summary>Pure reading of Ideogram bodies. Garbage yields a reason (InvalidResponse), never an exception.</summary>
public static class IdeogramResponseParser
{
    public static (IdeogramAnswer? Answer, string? Failure) Parse(ReadOnlySpan<byte> body)
    {
        var (doc, failure) = JsonRead.Parse(body, "response");
        if (doc is null) return (null, failure);
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "response is not a JSON object");
            if (JsonRead.First(root, "data") is not { ValueKind: JsonValueKind.Object } first)
                return (null, "response has no data[] entries");
            var safe = JsonRead.Bool(first, "is_image_safe");
            var url = JsonRead.Text(first, "url");
            Uri? uri = null;
            if (url is not null && !SyncExchange.IsHttpUrl(url, out uri)) return (null, "data[0].url is not an http(s) URL");
            if (uri is null && safe != false) return (null, "data[0] has no url and does not say the image was unsafe");
            var extras = ExtraImages.AfterFirst(JsonRead.Child(root, "data"), (entry, i) => JsonRead.Text(entry, "url") is { } link
                ? new ExtraImageSource($"data[{i}].url", null, link, null, JsonRead.Code(entry, "seed"))
                : null);
            return (new IdeogramAnswer(uri, safe, JsonRead.Text(first, "resolution"), JsonRead.Code(first, "seed"), JsonRead.Text(first, "prompt"))
            {
                Extras = extras,
            }, null);
        }
    }
}
