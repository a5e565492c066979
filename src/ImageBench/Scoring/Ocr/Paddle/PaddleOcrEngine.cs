using Microsoft.ML.OnnxRuntime;

namespace ImageBench.Scoring.Ocr.Paddle;

/// <summary>
/// PaddleOCR PP-OCRv4 (Chinese + English) from ONNX: DB detection, then CTC recognition of each box, lines split
/// into words. The sessions are shared (<see cref="PaddleOcrModels"/>); an engine only holds its input buffers,
/// so take one per worker from an <see cref="OcrEnginePool"/>. Passes: the scale multiplies the detector's input
/// size, inversion reads the negative; page segmentation does not apply and is ignored.
/// </summary>
public sealed class PaddleOcrEngine : IOcrEngine
{
    public const string EngineName = "paddleocr pp-ocrv4";

    /// <summary>Lines whose mean character probability is below this are dropped (PaddleOCR's drop_score).</summary>
    public const double DropScore = 0.5;

    private readonly TextDetector _detector;
    private readonly TextRecognizer _recognizer;
    private readonly RunOptions _runOptions = new();
    private bool _disposed;

    private PaddleOcrEngine(PaddleOcrModels models)
    {
        _detector = new TextDetector(models.Detection, _runOptions);
        _recognizer = new TextRecognizer(models.Recognition, _runOptions, models.Dictionary);
    }

    public string Name => EngineName;

    /// <summary>
    /// The passes the default scorer runs with PP-OCR: full size, and half size for big headline type. With
    /// Tesseract's eight passes, the half-size pass cut correct strings flagged uncertain on the calibration set from
    /// 21 to 3 of 263 with no confident false typo either way (docs/scoring.md); an inverted pass added little.
    /// </summary>
    public static IReadOnlyList<OcrPass> DefaultPasses { get; } =
        [new OcrPass(1.0, PageSegmentation.Sparse, false), new OcrPass(0.5, PageSegmentation.Sparse, false)];

    /// <summary>An engine over the shared models of <paramref name="modelDirectory"/> (default: <see cref="PaddleOcrModels.DefaultDirectory"/>).</summary>
    /// <exception cref="OcrUnavailableException">The models are missing (the message says to run `make setup`) or ONNX Runtime cannot load.</exception>
    public static PaddleOcrEngine Create(string? modelDirectory = null) =>
        new(PaddleOcrModels.Shared(modelDirectory ?? PaddleOcrModels.DefaultDirectory()));

    public OcrResult Read(ScoringImage image, OcrPass pass)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var boxes = _detector.Detect(image, pass);
        if (boxes.Count == 0)
        {
            // Tight crops (a single word filling the image) give the detector nothing to find: read it whole.
            boxes = [new RotatedRect(new PointD(image.Width / 2.0, image.Height / 2.0), new PointD(image.Width / 2.0, 0), new PointD(0, image.Height / 2.0))];
        }
        var lines = new List<OcrLine>();
        foreach (var box in boxes)
        {
            var read = _recognizer.Recognize(image, pass.Inverted, box);
            if (read.Score < DropScore) continue;
            if (LineWords.Split(read, image.Width, image.Height) is { } line) lines.Add(line);
        }
        return new OcrResult(Name, pass, lines);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _runOptions.Dispose();
    }
}
