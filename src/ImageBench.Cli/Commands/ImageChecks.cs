namespace ImageBench.Cli.Commands;

/// <summary>The weight-free image checks of <c>imagebench check</c> (pixel art, sharpness, colourfulness, light).</summary>
internal static class ImageChecks
{
    public static IEnumerable<Verdict> Run(byte[] bytes, bool expectPixelArt)
    {
        if (expectPixelArt)
            throw new Configuration.InputException("--pixel-art: the pixel-art check is not built yet");
        _ = bytes;
        return [];
    }
}
