namespace ImageBench.Scoring.Ocr.Paddle;

/// <summary>
/// What the recogniser read in one crop, and where the crop came from: tensor pixel (x, y) lies at
/// <see cref="Origin"/> + x·<see cref="Dx"/> + y·<see cref="Dy"/> in the original image; CTC step t covers tensor
/// columns [t, t + 1) · <see cref="ColumnsPerStep"/>.
/// </summary>
public sealed record RecognizedLine(IReadOnlyList<DecodedChar> Chars, PointD Origin, PointD Dx, PointD Dy, int ContentWidth, int Height, double ColumnsPerStep)
{
    public string Text => string.Concat(Chars.Select(c => c.Text));

    /// <summary>Mean probability of the decoded characters, 0–1 (PaddleOCR's line score).</summary>
    public double Score => Chars.Count == 0 ? 0 : Chars.Average(c => c.Probability);

    public PointD At(double x, double y) => Origin + Dx * x + Dy * y;
}
