namespace ImageBench.Scoring.Ocr;

/// <summary>One engine (as a pool, one instance per worker) and the passes it runs on every image.</summary>
public sealed record OcrPlan(OcrEnginePool Engines, IReadOnlyList<OcrPass> Passes);
