using ImageBench.Scoring.Image;

namespace ImageBench.Cli.Commands;

/// <summary>The weight-free image checks of <c>imagebench check</c>: pixel art, sharpness, noise, colourfulness, light.</summary>
internal static class ImageChecks
{
    public static IEnumerable<Verdict> Run(byte[] bytes, bool expectPixelArt)
    {
        var result = ImageCheck.Run(bytes, expectPixelArt);
        if (result.Failed) throw new Configuration.InputException(result.LoadError!);
        return result.Verdicts.Select(v => new Verdict(v.Scorer, v.Passed, v.Summary, v.Details)).ToList();
    }
}
