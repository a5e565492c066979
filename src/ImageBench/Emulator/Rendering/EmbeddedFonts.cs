using SkiaSharp;

namespace ImageBench.Emulator.Rendering;

/// <summary>
/// DejaVu fonts shipped inside the assembly: with SkiaSharp's NoDependencies native assets there is no
/// fontconfig, the default typeface is empty, and text drawn with it is invisible.
/// </summary>
internal static class EmbeddedFonts
{
    private static readonly Lazy<SKTypeface> SerifBold = new(() => Load("DejaVuSerif-Bold.ttf"));
    private static readonly Lazy<SKTypeface> SansBold = new(() => Load("DejaVuSans-Bold.ttf"));

    public static SKTypeface Serif => SerifBold.Value;
    public static SKTypeface Sans => SansBold.Value;

    private static SKTypeface Load(string file)
    {
        var name = "ImageBench.Emulator.Fonts." + file;
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font {name} is missing from the assembly.");
        return SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"Embedded font {name} could not be loaded.");
    }
}
