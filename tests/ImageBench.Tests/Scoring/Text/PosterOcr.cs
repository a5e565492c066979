using ImageBench.Scoring;
using ImageBench.Scoring.Ocr;
using ImageBench.Scoring.Text;
using ImageBench.Scoring.Text.Calibration;

namespace ImageBench.Tests.Scoring.Text;

/// <summary>One Tesseract scorer shared by the OCR tests (starting engines costs more than reading).</summary>
public sealed class TesseractScorerFixture : IDisposable
{
    public TextScorer Scorer { get; } = TextScorer.CreateDefault();

    public void Dispose() => Scorer.Dispose();
}

internal static class PosterOcr
{
    public const string Expected = "OPEN FROM 7 AM EVERY DAY";
    public const string Misspelt = "OPEN FROM 7 AM EYERY DAY";

    public static ScoringImage Load(byte[] bytes) =>
        ScoringImage.Load(bytes, out var error) ?? throw new InvalidOperationException(error);

    public static ScoringImage Poster(PosterStyle style, params string[] lines) =>
        Load(CalibrationPosters.Render(lines, style, 1024, 768));

    public static string Describe(TextAnalysis analysis) =>
        string.Join("; ", analysis.Strings.Select(s => $"'{s.Expected}' best '{s.Best}' cer {s.Cer:0.###} conf {s.Confidence:0} agree {s.Agreement:0.##} typos [{string.Join(", ", s.Typos)}] missing [{string.Join(" ", s.Missing)}] inserted [{string.Join(" ", s.Inserted)}]"));

    public static string Dump(IReadOnlyList<OcrResult> results) =>
        string.Join("\n", results.Select(r => r.Pass.Name + ": " + string.Join(" | ", r.Lines.Select(l => $"{l.Text} ({l.Confidence:0})"))));
}
