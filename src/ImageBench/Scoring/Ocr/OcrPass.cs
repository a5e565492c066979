namespace ImageBench.Scoring.Ocr;

/// <summary>Tesseract's page segmentation modes that the passes use (values are Tesseract's).</summary>
public enum PageSegmentation
{
    /// <summary>Fully automatic layout analysis (psm 3).</summary>
    Auto = 3,
    /// <summary>As much text as possible in no particular order (psm 11): best for posters.</summary>
    Sparse = 11,
}

/// <summary>
/// One way of presenting the image to an engine. Several passes are run and their candidates pooled, because OCR
/// noise changes between passes while a model's misspelling does not.
/// </summary>
/// <param name="Scale">Resize factor before reading; 0.5 helps big headline type (LSTM accuracy drops above ~30 px x-height).</param>
/// <param name="Segmentation">Layout mode; engines without one ignore it.</param>
/// <param name="Inverted">Read the negative, for light-on-dark text.</param>
public sealed record OcrPass(double Scale, PageSegmentation Segmentation, bool Inverted)
{
    public string Name => FormattableString.Invariant($"x{Scale:0.##}-psm{(int)Segmentation}{(Inverted ? "-inv" : "")}");

    public override string ToString() => Name;
}

/// <summary>The pass sets the scorer offers.</summary>
public static class OcrPasses
{
    /// <summary>Scale {1.0, 0.5} × segmentation {sparse, auto} × {as is, inverted}: eight passes.</summary>
    public static IReadOnlyList<OcrPass> Full { get; } =
    [
        .. from scale in new[] { 1.0, 0.5 }
           from psm in new[] { PageSegmentation.Sparse, PageSegmentation.Auto }
           from inverted in new[] { false, true }
           select new OcrPass(scale, psm, inverted),
    ];

    /// <summary>One pass (full size, sparse, as is): the quick check.</summary>
    public static IReadOnlyList<OcrPass> Single { get; } = [new OcrPass(1.0, PageSegmentation.Sparse, false)];
}
