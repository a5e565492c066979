using ImageBench.Scoring.Ocr;
using ImageBench.Scoring.Ocr.Paddle;

namespace ImageBench.Tests.Scoring.Ocr.Paddle;

/// <summary>One PP-OCR engine pool shared by a test class: the sessions load once per process anyway, the buffers once per worker.</summary>
public sealed class PaddleFixture : IDisposable
{
    public OcrEnginePool Engines { get; } = new(() => PaddleOcrEngine.Create());

    public OcrResult Read(ImageBench.Scoring.ScoringImage image, OcrPass? pass = null) =>
        Engines.Use(e => e.Read(image, pass ?? PaddleOcrEngine.DefaultPasses[0]));

    public void Dispose() => Engines.Dispose();
}
