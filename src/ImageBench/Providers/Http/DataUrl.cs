namespace ImageBench.Providers.Http;

/// <summary>
/// Decodes <c>data:image/png;base64,…</c> URLs (OpenRouter returns images this way). The decoded size is checked
/// from the base64 length before decoding, so an absurd answer cannot allocate more than the cap.
/// </summary>
public static class DataUrl
{
    public static (byte[]? Bytes, string? MediaType, string? Failure) Decode(string? url, long cap = BodyReader.DefaultCap)
    {
        if (url is null || !url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            return (null, null, "not a data: URL");
        var comma = url.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0) return (null, null, "data: URL has no comma");
        var meta = url[5..comma];
        if (!meta.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            return (null, null, "data: URL is not base64");
        var mediaType = meta[..^";base64".Length];
        var payloadLength = url.Length - comma - 1;
        if (payloadLength / 4L * 3 > cap)
            return (null, null, $"data: URL of about {payloadLength / 4L * 3} bytes exceeds the {cap}-byte limit");
        try
        {
            var bytes = Convert.FromBase64String(url[(comma + 1)..]);
            return bytes.Length == 0 ? (null, null, "data: URL is empty") : (bytes, mediaType.Length == 0 ? null : mediaType, null);
        }
        catch (FormatException)
        {
            return (null, null, "data: URL is not valid base64");
        }
    }
}
