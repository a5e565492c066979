using ImageBench.Scoring.Ocr;
using ImageBench.Scoring.Ocr.Paddle;
using ImageBench.Scoring.Ocr.Tesseract;
using ImageBench.Suites;

namespace ImageBench.Scoring.Text;

/// <summary>
/// Text accuracy: reads the image with every engine and pass of its plans and matches each expected string
/// (see docs/scoring.md). Thread-safe: each call takes its own engine from the pools, so images score in
/// parallel. Passed = every string rendered exactly. A missing OCR library gives a failed result with the fix,
/// never an exception; when only one of several engines is missing, the others read and the details say which
/// one did not (<c>unavailable</c>).
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

    /// <summary>
    /// Both engines: Tesseract with the given passes (default: the full eight) and PP-OCRv4 with
    /// <see cref="PaddleOcrEngine.DefaultPasses"/>; candidates of both pool into one match per string.
    /// </summary>
    public static TextScorer CreateDefault(IReadOnlyList<OcrPass>? passes = null) =>
        new([TesseractPlan(passes ?? OcrPasses.Full), PaddlePlan()], ownsEngines: true);

    /// <summary>Tesseract only (one engine per worker).</summary>
    public static OcrPlan TesseractPlan(IReadOnlyList<OcrPass> passes) => new(new OcrEnginePool(() => TesseractEngine.Create()), passes);

    /// <summary>PP-OCRv4 only, from the models in <paramref name="modelDirectory"/> (default: set-up's cache).</summary>
    public static OcrPlan PaddlePlan(IReadOnlyList<OcrPass>? passes = null, string? modelDirectory = null) =>
        new(new OcrEnginePool(() => PaddleOcrEngine.Create(modelDirectory)), passes ?? PaddleOcrEngine.DefaultPasses);

    public string Name => "text";
    /// <summary>
    /// 2: PP-OCR joined Tesseract, glued words are re-cut before word alignment, engines disagreeing flags uncertain.
    /// 3: misses that are all uncertain (incl. l/I/1, O/0 look-alikes) give no verdict but "needs a look".
    /// </summary>
    public string Version => "3";

    public bool AppliesTo(Expectations expect) => expect.Text.Any(t => !string.IsNullOrWhiteSpace(t.Value));

    public ScoreResult Score(ScoringImage image, Expectations expect, CancellationToken ct)
    {
        var expected = expect.Text.Select(t => t.Value).Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        try
        {
            var analysis = Analyze(image, expected, ct);
            var details = analysis.Details();
            if (analysis.NeedsALook) details[ScoreResult.NeedsALookKey] = true;
            return new ScoreResult(Name, Version, analysis.Metrics(), details, analysis.AllExact ? true : analysis.NeedsALook ? null : false);
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
    public TextAnalysis Analyze(ScoringImage image, IReadOnlyList<string> expected, CancellationToken ct)
    {
        var reading = ReadAll(image, ct);
        return TextAnalysis.From(expected, reading.Results, reading.Unavailable);
    }

    /// <summary>Every pass of every plan; an unavailable engine is skipped while another one reads.</summary>
    public IReadOnlyList<OcrResult> Read(ScoringImage image, CancellationToken ct) => ReadAll(image, ct).Results;

    /// <summary>As <see cref="Read"/>, with the reason each skipped engine could not run.</summary>
    public OcrReading ReadAll(ScoringImage image, CancellationToken ct)
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
        return new OcrReading(results, unavailable);
    }

    public void Dispose()
    {
        if (_ownsEngines)
        {
            foreach (var plan in _plans) plan.Engines.Dispose();
        }
    }
}
