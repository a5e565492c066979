using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ImageBench.Scoring.Ocr;

namespace ImageBench.Scoring.Text.Calibration;

/// <summary>How one pass set did on the calibration strings.</summary>
/// <param name="CorrectExact">Strings drawn right that were read exactly.</param>
/// <param name="CorrectFalseTypo">Strings drawn right that were reported as a mismatch without the uncertain flag: the error that must not happen.</param>
/// <param name="MisspeltCaught">Misspelt strings reported as not exact.</param>
/// <param name="MisspeltDiffRight">Misspelt strings whose single reported typo is exactly the drawn swap (word and characters).</param>
/// <param name="Misses">One line per string the set got wrong: style, drawn text, best reading.</param>
public sealed record PassSetAccuracy(string PassSet, int Passes, int Correct, int CorrectExact, int CorrectFalseTypo, int Misspelt, int MisspeltCaught, int MisspeltDiffRight,
    int CorrectUncertain, int MisspeltMissedButUncertain, IReadOnlyList<string> Misses);

/// <summary>A subset of the readings (by engine and pass) scored as if only it had run.</summary>
public sealed record PassSet(string Name, Func<OcrResult, bool> Keep);

/// <summary>
/// Reads every calibration poster once with every engine and pass, and scores each string under several
/// engine/pass subsets, so the table shows what each engine and the extra passes buy. Runs images in parallel,
/// one engine per worker.
/// </summary>
public static class OcrCalibration
{
    public static IReadOnlyList<PassSetAccuracy> Run(IReadOnlyList<CalibrationCase> cases, TextScorer fullPassScorer, int size, int parallelism)
    {
        var read = Read(cases, fullPassScorer, size, parallelism);
        return Score(read, StandardSets([.. read.SelectMany(r => r.Results)]));
    }

    /// <summary>Every case read by every engine and pass of <paramref name="scorer"/>.</summary>
    public static IReadOnlyList<(CalibrationCase Case, IReadOnlyList<OcrResult> Results)> Read(IReadOnlyList<CalibrationCase> cases, TextScorer scorer, int size, int parallelism)
    {
        var results = new ConcurrentDictionary<int, (CalibrationCase Case, IReadOnlyList<OcrResult> Results)>();
        Parallel.For(0, cases.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
        {
            var image = ScoringImage.Load(cases[i].Render(size), out var error) ?? throw new InvalidOperationException(error);
            results[i] = (cases[i], scorer.Read(image, CancellationToken.None));
        });
        return results.OrderBy(r => r.Key).Select(r => r.Value).ToList();
    }

    public static bool IsTesseract(OcrResult r) => r.Engine.StartsWith("tesseract", StringComparison.Ordinal);
    public static bool IsPaddle(OcrResult r) => r.Engine == Ocr.Paddle.PaddleOcrEngine.EngineName;

    /// <summary>The subsets worth comparing, given what the scorer read (<paramref name="sample"/>: any of its results).</summary>
    public static IReadOnlyList<PassSet> StandardSets(IReadOnlyList<OcrResult> sample)
    {
        var single = OcrPasses.Single[0];
        bool paddleX1(OcrResult r) => IsPaddle(r) && r.Pass == single;
        var sets = new List<PassSet>
        {
            new("tesseract single (x1, psm 11)", r => IsTesseract(r) && r.Pass == single),
            new("tesseract x1 + x0.5, psm 11", r => IsTesseract(r) && r.Pass.Segmentation == PageSegmentation.Sparse && !r.Pass.Inverted),
            new("tesseract x1, psm 11 + 3, both polarities", r => IsTesseract(r) && r.Pass.Scale == 1.0),
            new("tesseract full (8 passes)", IsTesseract),
        };
        if (sample.Any(IsPaddle))
        {
            sets.Add(new("pp-ocr x1", paddleX1));
            foreach (var pass in sample.Where(IsPaddle).Select(r => r.Pass).Where(p => p != single).Distinct())
            {
                sets.Add(new($"pp-ocr x1 + {pass.Name}", r => paddleX1(r) || (IsPaddle(r) && r.Pass == pass)));
            }
            if (sample.Where(IsPaddle).Select(r => r.Pass).Distinct().Count() > 2) sets.Add(new("pp-ocr all passes", IsPaddle));
            sets.Add(new("both: tesseract single + pp-ocr x1", r => (IsTesseract(r) && r.Pass == single) || paddleX1(r)));
            sets.Add(new("both: tesseract full + pp-ocr x1", r => IsTesseract(r) || paddleX1(r)));
            foreach (var pass in sample.Where(IsPaddle).Select(r => r.Pass).Where(p => p != single).Distinct())
            {
                sets.Add(new($"both: tesseract single + pp-ocr x1 + {pass.Name}", r => (IsTesseract(r) && r.Pass == single) || paddleX1(r) || (IsPaddle(r) && r.Pass == pass)));
                sets.Add(new($"both: tesseract full + pp-ocr x1 + {pass.Name}", r => IsTesseract(r) || paddleX1(r) || (IsPaddle(r) && r.Pass == pass)));
            }
            if (sample.Where(IsPaddle).Select(r => r.Pass).Distinct().Count() > 1) sets.Add(new("both: everything", _ => true));
        }
        sets.AddRange(OcrPasses.Full.Select(pass => new PassSet("tesseract only " + pass.Name, r => IsTesseract(r) && r.Pass == pass)));
        return sets;
    }

    public static IReadOnlyList<PassSetAccuracy> Score(IReadOnlyList<(CalibrationCase Case, IReadOnlyList<OcrResult> Results)> read, IReadOnlyList<PassSet> sets) =>
        sets.Select(set => Score(set.Name, read.Select(r => (r.Case, (IReadOnlyList<OcrResult>)r.Results.Where(set.Keep).ToList())).ToList())).ToList();

    private static PassSetAccuracy Score(string name, IReadOnlyList<(CalibrationCase Case, IReadOnlyList<OcrResult> Results)> read)
    {
        int correct = 0, exact = 0, falseTypo = 0, misspelt = 0, caught = 0, diffRight = 0;
        int correctUncertain = 0, missedUncertain = 0;
        var misses = new List<string>();
        foreach (var (c, results) in read)
        {
            var analysis = TextAnalysis.From(c.Expected, results);
            for (int i = 0; i < c.Expected.Count; i++)
            {
                var match = analysis.Strings[i];
                if (c.Expected[i] == c.Drawn[i])
                {
                    correct++;
                    if (match.Uncertain) correctUncertain++;
                    if (match.Exact) exact++;
                    else if (!match.Uncertain) falseTypo++;
                    if (!match.Exact) misses.Add(Miss(c, i, match));
                }
                else
                {
                    misspelt++;
                    if (!match.Exact) caught++;
                    else if (match.Uncertain) missedUncertain++;
                    if (IsTheDrawnSwap(match, c.Expected[i], c.Drawn[i])) diffRight++;
                    else misses.Add(Miss(c, i, match));
                }
            }
        }
        return new PassSetAccuracy(name, read.Count == 0 ? 0 : read[0].Results.Select(r => (r.Engine, r.Pass)).Distinct().Count(), correct, exact, falseTypo, misspelt, caught, diffRight, correctUncertain, missedUncertain, misses);
    }

    private static string Miss(CalibrationCase c, int i, StringMatch match) =>
        FormattableString.Invariant($"{c.Look}: drew \"{c.Drawn[i]}\", read \"{match.Best}\" ({match.Engine?.Split(' ')[0]} {match.Pass}, confidence {match.Confidence:0}, agreement {match.Agreement:0.##}{(match.Uncertain ? ", uncertain" : "")})");

    private static bool IsTheDrawnSwap(StringMatch match, string expected, string drawn)
    {
        if (match.Exact || match.Typos.Count != 1 || match.Missing.Count > 0 || match.Inserted.Count > 0) return false;
        var e = NormalizedText.Of(expected).Words;
        var d = NormalizedText.Of(drawn).Words;
        int word = Enumerable.Range(0, e.Count).First(i => e[i] != d[i]);
        var typo = match.Typos[0];
        return typo.Word == word + 1 && typo.Read == d[word];
    }

    public static string ToMarkdown(IReadOnlyList<PassSetAccuracy> rows)
    {
        var ic = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("| pass set | passes | drawn right: read exactly | drawn right: confident false typo | drawn right: flagged uncertain | misspelt: caught | misspelt: exact typo diff | misspelt: read as exact but flagged uncertain |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            sb.AppendLine(ic, $"| {r.PassSet} | {r.Passes} | {r.CorrectExact}/{r.Correct} | {r.CorrectFalseTypo}/{r.Correct} | {r.CorrectUncertain}/{r.Correct} | {r.MisspeltCaught}/{r.Misspelt} | {r.MisspeltDiffRight}/{r.Misspelt} | {r.MisspeltMissedButUncertain}/{r.Misspelt} |");
        }
        return sb.ToString();
    }
}
