namespace ImageBench.Scoring.Ocr;

/// <summary>
/// One OCR engine instance (Tesseract, or PaddleOCR PP-OCRv4 from ONNX). Instances are NOT thread-safe: native engines keep
/// per-image state, so callers take one from an <see cref="OcrEnginePool"/> per worker. An engine prepares the
/// image for the pass itself (scale, inversion, border) because engines want different inputs (gray for
/// Tesseract, BGR for PP-OCR); boxes in the result are always in the original image's pixel coordinates.
/// </summary>
public interface IOcrEngine : IDisposable
{
    /// <summary>Engine and version, e.g. "tesseract 5.3.0"; recorded with every result.</summary>
    string Name { get; }

    /// <summary>Reads the image under one pass. Throws only on engine faults, never for an image without text.</summary>
    OcrResult Read(ScoringImage image, OcrPass pass);
}
