using System.Text.Json;
using ImageBench.Attempts;

namespace ImageBench.Providers.Http;

/// <summary>
/// An image beyond the first as an answer gave it: inline bytes, a link to fetch, or why it is unusable.
/// <see cref="Where"/> names it in the answer ("data[1]") for the failure text.
/// </summary>
public sealed record ExtraImageSource(string Where, byte[]? Bytes, string? Url, string? MediaType = null, string? Seed = null, string? Failure = null)
{
    public static ExtraImageSource Unusable(string where, string failure, string? seed = null) => new(where, null, null, null, seed, failure);
}

/// <summary>
/// The part every multi-image answer shares: reading entries 1.. of an image list (the first is the attempt's own
/// image, read by the adapter as before) and taking them home. ImageBench asks for one image; an API that sends more
/// charges for them, so they are kept rather than silently dropped.
/// </summary>
public static class ExtraImages
{
    /// <summary>
    /// Entries after the first of <paramref name="array"/>; <paramref name="read"/> gets each with its index and
    /// returns null for an entry that is no image (a per-image error, a withheld image).
    /// </summary>
    public static IReadOnlyList<ExtraImageSource> AfterFirst(JsonElement? array, Func<JsonElement, int, ExtraImageSource?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (array is not { ValueKind: JsonValueKind.Array } items || items.GetArrayLength() < 2) return [];
        var extras = new List<ExtraImageSource>();
        for (var i = 1; i < items.GetArrayLength(); i++)
            if (read(items[i], i) is { } source) extras.Add(source);
        return extras;
    }

    /// <summary>An OpenAI-style entry ({b64_json} or {url}), as OpenAI, Recraft and Ark send them.</summary>
    public static ExtraImageSource FromEntry(JsonElement entry, string where, string? seed = null)
    {
        if (entry.ValueKind != JsonValueKind.Object) return ExtraImageSource.Unusable(where, $"{where} is not an object", seed);
        if (JsonRead.Text(entry, "b64_json") is { } b64) return FromBase64(b64, where + ".b64_json", null, seed);
        if (JsonRead.Text(entry, "url") is { } url) return new(where + ".url", null, url, null, seed);
        return ExtraImageSource.Unusable(where, $"{where} has neither b64_json nor url", seed);
    }

    public static ExtraImageSource FromBase64(string base64, string where, string? mediaType = null, string? seed = null)
    {
        ArgumentNullException.ThrowIfNull(base64);
        try
        {
            var bytes = Convert.FromBase64String(base64);
            return bytes.Length == 0 ? ExtraImageSource.Unusable(where, $"{where} is empty", seed) : new(where, bytes, null, mediaType, seed);
        }
        catch (FormatException)
        {
            return ExtraImageSource.Unusable(where, $"{where} is not valid base64", seed);
        }
    }

    /// <summary>
    /// <paramref name="done"/> with its extra images taken home, when it is a success; a failed result is returned as
    /// is (its images, if any, are not stored). Links are fetched at once (they expire) and, by default, never with
    /// a credential; <paramref name="download"/> replaces that for hosts that need the key (Replicate's API files).
    /// </summary>
    public static async Task<GenerationResult> AddToAsync(GenerationResult done, IReadOnlyList<ExtraImageSource> sources, ProviderHttp http,
        AttemptRecorder recorder, RetryPolicy policy, CancellationToken ct, Func<Uri, CancellationToken, Task<Download>>? download = null)
    {
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(recorder);
        if (done.Outcome != AttemptOutcome.Ok || sources.Count == 0) return done;
        recorder.BeginPhase(PhaseNames.Download);
        download ??= (url, token) => http.DownloadAsync(url, recorder, policy, BodyReader.DefaultCap, token);
        var images = new List<ReturnedImage>(sources.Count);
        foreach (var source in sources)
            images.Add(await FetchAsync(source, download, ct).ConfigureAwait(false));
        return done with { ExtraImages = images };
    }

    private static async Task<ReturnedImage> FetchAsync(ExtraImageSource source, Func<Uri, CancellationToken, Task<Download>> download, CancellationToken ct)
    {
        if (source.Failure is not null || source.Bytes is not null)
            return new ReturnedImage(source.Bytes, source.MediaType, source.Seed, source.Failure);
        var url = source.Url ?? "";
        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var (bytes, media, failure) = DataUrl.Decode(url);
            return new ReturnedImage(bytes, media ?? source.MediaType, source.Seed, failure is null ? null : $"{source.Where}: {failure}");
        }
        if (!SyncExchange.IsHttpUrl(url, out var uri))
            return new ReturnedImage(null, null, source.Seed, $"{source.Where} is neither an http(s) nor a data: URL");
        var fetched = await download(uri, ct).ConfigureAwait(false);
        return fetched.Bytes is null
            ? new ReturnedImage(null, null, source.Seed, $"{source.Where}: {fetched.Failure}")
            : new ReturnedImage(fetched.Bytes, fetched.ContentType ?? source.MediaType, source.Seed);
    }
}
