using ImageBench.Scoring.Ocr;
using ImageBench.Scoring.Ocr.Tesseract;
using ImageBench.Suites;

namespace ImageBench.Scoring.Text;

/// <summary>
/// Text accuracy: reads the image with every engine and pass of its plans and matches each expected string
/// (see docs/scoring.md). Thread-safe: each call takes its own engine from the pools, so images score in
/// parallel. Passed = every string rendered exactly. A missing OCR library gives a failed result with the fix,
/// never an exception.
/// </summary>
public sealed class TextScorer : IImageScorer, IDisposable
{
    private readonly IReadOnlyList<OcrPlan> _plans;
    private readonly bool _ownsEngines;

    public TextScorer(IReadOnlyList<OcrPlan> plans, bool ownsEngines)
    {
        ArgumentOutOfRangeException.ThrowIfZero(plans.Count);
        _plans = plans;
        _ownsEngines = ownsEngines;
    }

    /// <summary>Tesseract with the given passes (default: the full eight).</summary>
    public static TextScorer CreateDefault(IReadOnlyList<OcrPass>? passes = null) =>
        new([new OcrPlan(new OcrEnginePool(() => TesseractEngine.Create()), passes ?? OcrPasses.Full)], ownsEngines: true);

    public string Name => "text";
    public string Version => "1";

    public bool AppliesTo(Expectations expect) => expect.Text.Any(t => !string.IsNullOrWhiteSpace(t.Value));

    public ScoreResult Score(ScoringImage image, Expectations expect, CancellationToken ct)
    {
        var expected = expect.Text.Select(t => t.Value).Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        try
        {
            var analysis = Analyze(image, expected, ct);
            return new ScoreResult(Name, Version, analysis.Metrics(), analysis.Details(), analysis.AllExact);
        }
        catch (OcrUnavailableException e)
        {
            return ScoreResult.Failed(Name, Version, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ScoreResult.Failed(Name, Version, $"OCR failed: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Reads and matches; throws <see cref="OcrUnavailableException"/> when no engine can run here.</summary>
    public TextAnalysis Analyze(ScoringImage image, IReadOnlyList<string> expected, CancellationToken ct) =>
        TextAnalysis.From(expected, Read(image, ct));

    /// <summary>Every pass of every plan; an unavailable engine is skipped while another one reads.</summary>
    public IReadOnlyList<OcrResult> Read(ScoringImage image, CancellationToken ct)
    {
        var results = new List<OcrResult>();
        var unavailable = new List<string>();
        foreach (var plan in _plans)
        {
            try
            {
                results.AddRange(plan.Engines.Use(engine =>
                {
                    var read = new List<OcrResult>(plan.Passes.Count);
                    foreach (var pass in plan.Passes)
                    {
                        ct.ThrowIfCancellationRequested();
                        read.Add(engine.Read(image, pass));
                    }
                    return read;
                }));
            }
            catch (OcrUnavailableException e)
            {
                unavailable.Add(e.Message);
            }
        }
        if (unavailable.Count == _plans.Count)
        {
            throw new OcrUnavailableException(string.Join(" ", unavailable));
        }
        return results;
    }

    public void Dispose()
    {
        if (_ownsEngines)
        {
            foreach (var plan in _plans) plan.Engines.Dispose();
        }
    }
}
