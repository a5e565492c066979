namespace ImageBench.Providers.Http;

/// <summary>A response body read to its end, or why it could not be (too large, cut off mid-stream).</summary>
public sealed record BodyRead(byte[]? Bytes, string? Failure)
{
    public bool Ok => Bytes is not null;

    public static BodyRead Success(byte[] bytes) => new(bytes, null);

    public static BodyRead Failed(string reason) => new(null, reason);
}
