using System.Text.Json.Nodes;
using ImageBench.Scoring.Ocr;

namespace ImageBench.Scoring.Text;

/// <summary>Everything the text scorer concluded about one image, before it becomes a <see cref="ScoreResult"/>.</summary>
public sealed record TextAnalysis(
    IReadOnlyList<string> Engines,
    IReadOnlyList<string> Passes,
    IReadOnlyList<StringMatch> Strings,
    IReadOnlyList<ExtraWord> Extra,
    double OneIg,
    IReadOnlyList<string>? Unavailable = null)
{
    /// <summary>Strings one engine read exactly and another, confidently, did not.</summary>
    public int EnginesDisagreeCount => Strings.Count(s => s.EnginesDisagree);

    public double MeanStringScore => Strings.Count == 0 ? 1 : Strings.Average(s => s.Score);
    public bool AllExact => Strings.All(s => s.Exact);

    /// <summary>
    /// Not every string was read exactly, but every miss is uncertain: the check has no automatic verdict and goes
    /// to a person (a confident miss elsewhere still fails it).
    /// </summary>
    public bool NeedsALook => !AllExact && Strings.Where(s => !s.Exact).All(s => s.Uncertain);
    /// <summary>Expected words found in their string's best match ÷ all expected words (micro average).</summary>
    public double WordRecall => Strings.Sum(s => s.WordsExpected) is var total and > 0 ? (double)Strings.Sum(s => s.WordsFound) / total : 1;
    public int UncertainCount => Strings.Count(s => s.Uncertain);

    /// <param name="unavailable">Why an engine of the plan did not run (e.g. PP-OCR's models are not downloaded); the others still read.</param>
    public static TextAnalysis From(IReadOnlyList<string> expected, IReadOnlyList<OcrResult> results, IReadOnlyList<string>? unavailable = null)
    {
        var strings = expected.Select(e => StringMatcher.Match(e, results)).ToList();
        return new TextAnalysis(
            results.Select(r => r.Engine).Distinct().ToList(),
            results.Select(r => r.Pass.Name).Distinct().ToList(),
            strings,
            ExtraWord.Find(results, expected, strings),
            OneIgScore.Compute(expected, results),
            unavailable ?? []);
    }

    public IReadOnlyDictionary<string, double> Metrics() => new Dictionary<string, double>
    {
        ["mean_string_score"] = MeanStringScore,
        ["all_exact"] = AllExact ? 1 : 0,
        ["word_recall"] = WordRecall,
        ["oneig"] = OneIg,
        ["uncertain"] = UncertainCount,
        ["engines_disagree"] = EnginesDisagreeCount,
    };

    public JsonObject Details() => new()
    {
        ["summary"] = Summary(),
        ["engines"] = new JsonArray([.. Engines.Select(e => JsonValue.Create(e))]),
        ["passes"] = new JsonArray([.. Passes.Select(p => JsonValue.Create(p))]),
        ["strings"] = new JsonArray([.. Strings.Select(StringJson)]),
        ["extra"] = new JsonArray([.. Extra.Select(e => new JsonObject
        {
            ["text"] = e.Text, ["confidence"] = Math.Round(e.Confidence, 1), ["passes"] = e.Passes,
        })]),
        ["unavailable"] = new JsonArray([.. (Unavailable ?? []).Select(u => JsonValue.Create(u))]),
    };

    /// <summary>One line for a report: "2 of 2 strings exact" or each failing string with its typos.</summary>
    public string Summary()
    {
        var failing = Strings.Where(s => !s.Exact).ToList();
        if (failing.Count == 0) return $"{Strings.Count} of {Strings.Count} strings exact{(Strings.Any(s => s.Uncertain) ? " (uncertain)" : "")}";
        return string.Join("; ", failing.Select(s =>
            s.Best is null ? $"\"{s.Expected}\" not found"
            : s.Typos.Count > 0 ? $"\"{s.Expected}\": {string.Join(", ", s.Typos.Select(t => $"{t.Expected} → {t.Read}"))}{(s.Uncertain ? " (uncertain)" : "")}"
            : $"\"{s.Expected}\" read as \"{s.Best}\"{(s.Uncertain ? " (uncertain)" : "")}"));
    }

    private static JsonObject StringJson(StringMatch s) => new()
    {
        ["expected"] = s.Expected,
        ["best"] = s.Best,
        ["engine"] = s.Engine,
        ["pass"] = s.Pass,
        ["box"] = s.Box is { } b ? new JsonArray(b.Left, b.Top, b.Right, b.Bottom) : null,
        ["cer"] = Math.Round(s.Cer, 4),
        ["score"] = Math.Round(s.Score, 4),
        ["exact"] = s.Exact,
        ["typos"] = new JsonArray([.. s.Typos.Select(t => new JsonObject
        {
            ["word"] = t.Word, ["expected"] = t.Expected, ["read"] = t.Read, ["text"] = $"{t.Expected} → {t.Read}",
            ["chars"] = new JsonArray([.. t.Edits.Select(c => JsonValue.Create(c.ToString()))]),
        })]),
        ["missing"] = new JsonArray([.. s.Missing.Select(m => JsonValue.Create(m))]),
        ["inserted"] = new JsonArray([.. s.Inserted.Select(m => JsonValue.Create(m))]),
        ["confidence"] = Math.Round(s.Confidence, 1),
        ["agreement"] = Math.Round(s.Agreement, 3),
        ["uncertain"] = s.Uncertain,
        ["case_differs"] = s.CaseDiffers,
        ["punctuation_differs"] = s.PunctuationDiffers,
        ["spacing_differs"] = s.SpacingDiffers,
        ["engines_disagree"] = s.EnginesDisagree,
        ["engines_read"] = new JsonArray([.. s.Engines.Select(e => new JsonObject
        {
            ["engine"] = e.Engine, ["best"] = e.Best, ["cer"] = Math.Round(e.Cer, 4), ["exact"] = e.Exact, ["confidence"] = Math.Round(e.Confidence, 1),
        })]),
    };
}
