namespace ImageBench.Emulator.Gemini;

/// <summary>
/// Output sizes by aspect ratio as Google's image-generation docs table them for Gemini 2.5 Flash Image
/// (1290 image tokens each); Gemini 3 Pro doubles them at "2K" and quadruples at "4K" (1120 tokens at 1K/2K,
/// 2000 at 4K). Imagen 4 has its own table.
/// </summary>
internal static class GeminiSizes
{
    private static readonly Dictionary<string, (int W, int H)> Gemini = new(StringComparer.Ordinal)
    {
        ["1:1"] = (1024, 1024), ["2:3"] = (832, 1248), ["3:2"] = (1248, 832), ["3:4"] = (864, 1184), ["4:3"] = (1184, 864),
        ["4:5"] = (896, 1152), ["5:4"] = (1152, 896), ["9:16"] = (768, 1344), ["16:9"] = (1344, 768), ["21:9"] = (1536, 672),
    };

    private static readonly Dictionary<string, (int W, int H)> Imagen = new(StringComparer.Ordinal)
    {
        ["1:1"] = (1024, 1024), ["3:4"] = (896, 1280), ["4:3"] = (1280, 896), ["9:16"] = (768, 1408), ["16:9"] = (1408, 768),
    };

    /// <summary>The pixel size for a ratio and size tier, or null for a ratio the model does not know.</summary>
    public static (int Width, int Height)? ForGemini(string? ratio, string? imageSize)
    {
        if (!Gemini.TryGetValue(ratio ?? "1:1", out var size)) return null;
        var scale = imageSize switch { "2K" => 2, "4K" => 4, _ => 1 };
        return (size.W * scale, size.H * scale);
    }

    public static (int Width, int Height)? ForImagen(string? ratio, string? sampleImageSize)
    {
        if (!Imagen.TryGetValue(ratio ?? "1:1", out var size)) return null;
        var scale = sampleImageSize == "2K" ? 2 : 1;
        return (size.W * scale, size.H * scale);
    }

    /// <summary>
    /// Image tokens per answer. Gemini 3.1 Flash Image: 1120 at 1K (as a third-party page quotes), 1680 at 2K and 2520 at 4K —
    /// derived from the quoted $0.101 and $0.151 at $60 per 1M image tokens, not read anywhere.
    /// </summary>
    public static int ImageTokens(string model, string? imageSize) => model switch
    {
        _ when model.StartsWith("gemini-3.1-flash", StringComparison.OrdinalIgnoreCase) => imageSize switch { "2K" => 1680, "4K" => 2520, _ => 1120 },
        _ when model.StartsWith("gemini-3", StringComparison.OrdinalIgnoreCase) => imageSize == "4K" ? 2000 : 1120,
        _ => 1290,
    };
}
