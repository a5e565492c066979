namespace ImageBench.Catalog;

/// <summary>
/// Size tiers used by per-image price tables: the smallest tier whose pixel budget holds the image.
/// 1K = 1024², 2K = 2048², 4K = 4096² pixels (so 1024×1536 is priced as 2K).
/// </summary>
public static class SizeTiers
{
    public static readonly IReadOnlyList<string> All = ["1K", "2K", "4K"];

    public static string For(int width, int height)
    {
        long pixels = (long)width * height;
        if (pixels <= 1024L * 1024) return "1K";
        if (pixels <= 2048L * 2048) return "2K";
        return "4K";
    }
}
