namespace ImageBench.Images;

/// <summary>
/// What a format reader found in a header: dimensions as claimed (wider than int, since headers can claim up to
/// 2³² pixels a side and limits are checked afterwards), or why the header is unusable.
/// </summary>
internal readonly record struct HeaderRead(long Width, long Height, string? Error)
{
    public static HeaderRead Size(long width, long height) => new(width, height, null);

    public static HeaderRead Fail(string error) => new(0, 0, error);
}
