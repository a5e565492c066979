namespace ImageBench.Scoring.Ocr;

/// <summary>Everything the engines of a scorer read from one image, and why any engine did not run.</summary>
public sealed record OcrReading(IReadOnlyList<OcrResult> Results, IReadOnlyList<string> Unavailable);
