namespace ImageBench.Providers.Http;

/// <summary>
/// Reads bodies fully, but never without limit: a misbehaving endpoint must not exhaust memory, and a stream
/// that dies halfway must become an explained failure rather than a half image or an unhandled exception.
/// </summary>
public static class BodyReader
{
    /// <summary>Larger than any image these APIs produce (a 4K PNG is ~25 MB, ~33 MB as base64).</summary>
    public const long DefaultCap = 64L * 1024 * 1024;

    public static async Task<BodyRead> ReadAsync(HttpResponseMessage response, long cap, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(response);
        var declared = response.Content.Headers.ContentLength;
        if (declared > cap)
            return BodyRead.Failed($"body of {declared} bytes exceeds the {cap}-byte limit");
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            using var buffer = new MemoryStream(declared is > 0 ? (int)declared.Value : 16 * 1024);
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > cap)
                    return BodyRead.Failed($"body exceeds the {cap}-byte limit");
                buffer.Write(chunk, 0, read);
            }
            if (declared is { } expected && buffer.Length != expected)
                return BodyRead.Failed($"body truncated: {buffer.Length} of {expected} declared bytes arrived");
            return BodyRead.Success(buffer.ToArray());
        }
        catch (Exception e) when (e is IOException or HttpRequestException && !ct.IsCancellationRequested)
        {
            // HttpIOException (premature end, connection reset) derives from IOException.
            return BodyRead.Failed($"body truncated: {e.Message}");
        }
    }

    /// <summary>Best-effort read of an error body for the provider's words; never throws for I/O.</summary>
    internal static async Task<string> ReadWordsAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await ReadAsync(response, 256 * 1024, ct).ConfigureAwait(false);
        return body.Bytes is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : $"({body.Failure})";
    }
}
