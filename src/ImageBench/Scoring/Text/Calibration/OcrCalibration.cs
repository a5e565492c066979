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

/// <summary>
/// Reads every calibration poster once with the full pass set and scores each string under several pass subsets,
/// so the table shows what the extra passes buy. Runs images in parallel, one engine per worker.
/// </summary>
public static class OcrCalibration
{
    public static IReadOnlyList<PassSetAccuracy> Run(IReadOnlyList<CalibrationCase> cases, TextScorer fullPassScorer, int size, int parallelism)
    {
        var results = new ConcurrentDictionary<int, (CalibrationCase Case, IReadOnlyList<OcrResult> Results)>();
        Parallel.For(0, cases.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
        {
            var image = ScoringImage.Load(cases[i].Render(size), out var error) ?? throw new InvalidOperationException(error);
            results[i] = (cases[i], fullPassScorer.Read(image, CancellationToken.None));
        });
        var read = results.OrderBy(r => r.Key).Select(r => r.Value).ToList();
        var sets = new List<(string Name, Func<OcrPass, bool> Keep)>
        {
            ("single (x1, psm 11)", p => p == OcrPasses.Single[0]),
            ("x1 + x0.5, psm 11", p => p.Segmentation == PageSegmentation.Sparse && !p.Inverted),
            ("x1, psm 11 + 3, both polarities", p => p.Scale == 1.0),
            ("full (8 passes)", _ => true),
        };
        sets.AddRange(OcrPasses.Full.Select(pass => ("only " + pass.Name, (Func<OcrPass, bool>)(p => p == pass))));
        return sets.Select(set => Score(set.Name, read.Select(r => (r.Case, (IReadOnlyList<OcrResult>)r.Results.Where(x => set.Keep(x.Pass)).ToList())).ToList())).ToList();
    }

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
        return new PassSetAccuracy(name, read.Count == 0 ? 0 : read[0].Results.Select(r => r.Pass).Distinct().Count(), correct, exact, falseTypo, misspelt, caught, diffRight, correctUncertain, missedUncertain, misses);
    }

    private static string Miss(CalibrationCase c, int i, StringMatch match) =>
        FormattableString.Invariant($"{c.Look}: drew \"{c.Drawn[i]}\", read \"{match.Best}\" ({match.Pass}, confidence {match.Confidence:0}, agreement {match.Agreement:0.##}{(match.Uncertain ? ", uncertain" : "")})");

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
