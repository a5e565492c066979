namespace ImageBench.Scoring.Ocr;

/// <summary>Axis-aligned box in the original image's pixels (right and bottom exclusive).</summary>
public readonly record struct OcrBox(int Left, int Top, int Right, int Bottom)
{
    public static OcrBox Union(OcrBox a, OcrBox b) =>
        new(Math.Min(a.Left, b.Left), Math.Min(a.Top, b.Top), Math.Max(a.Right, b.Right), Math.Max(a.Bottom, b.Bottom));
}

/// <summary>One recognised word; <paramref name="Confidence"/> is the engine's 0–100 score.</summary>
public sealed record OcrWord(string Text, double Confidence, OcrBox Box);

/// <summary>A text line as the engine grouped it, words in reading order.</summary>
public sealed record OcrLine(IReadOnlyList<OcrWord> Words)
{
    public string Text => string.Join(' ', Words.Select(w => w.Text));
    public double Confidence => Words.Count == 0 ? 0 : Words.Average(w => w.Confidence);
    public OcrBox Box => Words.Select(w => w.Box).Aggregate(OcrBox.Union);
}

/// <summary>What one engine read under one pass.</summary>
public sealed record OcrResult(string Engine, OcrPass Pass, IReadOnlyList<OcrLine> Lines)
{
    /// <summary>Every word of every line, in reading order (runs of these become match candidates).</summary>
    public IEnumerable<OcrWord> Words => Lines.SelectMany(l => l.Words);
}
