namespace ImageBench.Images;

/// <summary>
/// The largest image ImageBench accepts. Headers are attacker-controlled (or just buggy): anything claiming more is
/// refused before a decoder is asked to allocate for it. Today's APIs top out around 4K (16.8 megapixels).
/// </summary>
public static class ImageLimits
{
    public const int MaxSide = 16384;

    /// <summary>Images must have fewer pixels than this (100 megapixels; 10000×10000 is refused).</summary>
    public const long MaxPixels = 100_000_000;

    /// <summary>Why <paramref name="width"/>×<paramref name="height"/> is refused, or null when it is acceptable.</summary>
    public static string? Check(long width, long height)
    {
        if (width <= 0 || height <= 0 || width > MaxSide || height > MaxSide || width * height >= MaxPixels)
            return $"image claims {width}x{height}, refusing (limit 1..{MaxSide} per side and under {MaxPixels / 1_000_000} megapixels)";
        return null;
    }
}
