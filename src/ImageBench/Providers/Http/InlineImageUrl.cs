namespace ImageBench.Providers.Http;

/// <summary>
/// Decodes <c>data:[mime][;base64],payload</c> URLs. Replicate's sync mode and fal's sync_mode hand the image back
/// inline this way instead of as a CDN link; there is nothing to download and no host to send a key to.
/// </summary>
public static class InlineImageUrl
{
    public static bool IsDataUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Scheme == "data";
    }

    public static bool IsDataUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.StartsWith("data:", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The bytes and declared media type, or a reason the URL is unusable (for InvalidResponse).</summary>
    public static (byte[]? Bytes, string? MediaType, string? Failure) Decode(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!IsDataUrl(url)) return (null, null, "not a data: URL");
        var comma = url.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0) return (null, null, "data: URL without a comma");
        var header = url[5..comma];
        var parts = header.Split(';');
        var media = parts[0].Length > 0 ? parts[0] : null;
        if (!parts.Skip(1).Contains("base64", StringComparer.OrdinalIgnoreCase))
            return (null, media, "data: URL is not base64-encoded");
        try
        {
            var bytes = Convert.FromBase64String(url[(comma + 1)..]);
            return bytes.Length == 0 ? (null, media, "data: URL is empty") : (bytes, media, null);
        }
        catch (FormatException)
        {
            return (null, media, "data: URL payload is not valid base64");
        }
    }
}
