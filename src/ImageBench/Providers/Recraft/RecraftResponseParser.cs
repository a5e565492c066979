using System.Text.Json;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Recraft;

/// <summary>data[0] of a Recraft answer, the API units (credits) the whole call consumed, and any further data[] entries.</summary>
public sealed record RecraftAnswer(byte[]? ImageBytes, Uri? ImageUrl, string? ImageId, decimal? Credits)
{
    public IReadOnlyList<ExtraImageSource> Extras { get; init; } = [];
}

/// <summary>Pure reading of Recraft bodies; credits are converted by <see cref="CreditsToUsd"/>.</summary>
public static class RecraftResponseParser
{
    /// <summary>Recraft's documented rate: 1 USD buys 1,000 API units, so one unit is $0.001.</summary>
    public const decimal UnitsPerUsd = 1000m;

    public static decimal CreditsToUsd(decimal credits) => credits / UnitsPerUsd;

    public static (RecraftAnswer? Answer, string? Failure) Parse(ReadOnlySpan<byte> body)
    {
        var (doc, failure) = JsonRead.Parse(body, "response");
        if (doc is null) return (null, failure);
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "response is not a JSON object");
            var credits = JsonRead.Decimal(root, "credits");
            if (JsonRead.First(root, "data") is not { ValueKind: JsonValueKind.Object } first)
                return (null, "response has no data[] entries");
            var id = JsonRead.Text(first, "image_id");
            var extras = ExtraImages.AfterFirst(JsonRead.Child(root, "data"), (entry, i) => ExtraImages.FromEntry(entry, $"data[{i}]"));
            if (JsonRead.Text(first, "b64_json") is { } b64)
            {
                try
                {
                    var bytes = Convert.FromBase64String(b64);
                    return bytes.Length == 0 ? (null, "data[0].b64_json is empty") : (new RecraftAnswer(bytes, null, id, credits) { Extras = extras }, null);
                }
                catch (FormatException)
                {
                    return (null, "data[0].b64_json is not valid base64");
                }
            }
            if (JsonRead.Text(first, "url") is { } url)
                return SyncExchange.IsHttpUrl(url, out var uri)
                    ? (new RecraftAnswer(null, uri, id, credits) { Extras = extras }, null)
                    : (null, "data[0].url is not an http(s) URL");
            return (null, "data[0] has neither url nor b64_json");
        }
    }
}
