using System.Globalization;
using System.Text.Json.Nodes;
using ImageBench.Scoring;
using ImageBench.Suites;

namespace ImageBench.Reporting;

/// <summary>
/// The checklist judge's verdict in words: how many questions it answered yes, the counts it saw against the
/// counts asked, and the questions it answered no or unsure — what a reader needs without opening results.json.
/// </summary>
public static class JudgeLines
{
    public const string Scorer = "judge";

    /// <summary>"judge (emulated, 3 samples): 7 of 9 yes, DSG 0.78, agreement 0.96 · saw brown egg ×3 (asked 1) · no: …".</summary>
    public static string Summary(ScoreResult r)
    {
        var items = Items(r).ToList();
        var yes = items.Count(i => Answer(i) == "yes");
        var parts = new List<string>
        {
            FormattableString.Invariant($"{yes} of {items.Count} yes, DSG {Metric(r, "dsg")}, agreement {Metric(r, "agreement")}"),
        };
        parts.AddRange(Counts(r, null).Select(c => c.Text));
        var no = items.Where(i => Answer(i).StartsWith("no", StringComparison.Ordinal) && i["count_of"] is null).Select(Question).ToList();
        if (no.Count > 0) parts.Add("no: " + string.Join("; ", no));
        var unsure = items.Where(i => Answer(i) == "unsure").Select(Question).ToList();
        if (unsure.Count > 0) parts.Add("unsure: " + string.Join("; ", unsure));
        return $"{Label(r)}: {string.Join(" · ", parts)}";
    }

    /// <summary>"judge (emulated, 3 samples)" — emulated judges are always labelled as such.</summary>
    public static string Label(ScoreResult r)
    {
        var emulated = r.Details["emulated"] is JsonValue e && e.TryGetValue<bool>(out var isEmulated) && isEmulated;
        var who = r.Details["judge"]?.ToString() ?? "unknown judge";
        var samples = r.Details["samples"]?.ToString();
        var name = emulated && !who.Contains("emulated", StringComparison.OrdinalIgnoreCase) ? $"emulated, {who}" : who;
        return $"judge ({name}{(samples is null ? "" : $", {samples} samples")})";
    }

    /// <summary>
    /// The counts the judge reported for counting questions, with the count the prompt asked for when the suite
    /// gives one ("saw brown egg ×3 (asked 1)"); Matches is false when they differ.
    /// </summary>
    public static IEnumerable<(string Text, bool? Matches)> Counts(ScoreResult r, Expectations? expect)
    {
        foreach (var item in Items(r))
        {
            if (item["count_of"]?.ToString() is not { } name || item["count"] is not JsonValue seen) continue;
            var asked = expect?.Objects.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase))?.Count
                ?? AskedIn(item);
            var seenText = seen.ToString();
            bool? matches = asked is int a && double.TryParse(seenText, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? a == s : null;
            yield return ($"saw {name} ×{seenText}{(asked is int n ? $" (asked {n})" : "")}", matches);
        }
    }

    /// <summary>
    /// " Judged by openai:gpt-4.1-mini: 12 images × 3 samples, 41,230 input and 2,918 output tokens." — what the
    /// judging cost, which the image cost tables do not include; empty when no judge ran.
    /// </summary>
    public static string Usage(RunScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var judged = scores.Attempts.SelectMany(a => a.Results).Where(r => r.Scorer == Scorer && r.Error is null).ToList();
        if (judged.Count == 0) return "";
        var labels = string.Join(", ", judged.Select(Label).Distinct(StringComparer.Ordinal));
        var calls = judged.Sum(r => r.Details["samples"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 0);
        var text = string.Create(CultureInfo.InvariantCulture, $" Checked by {labels}: {judged.Count} images, {calls} calls");
        var tokens = judged.Where(r => r.Metrics.ContainsKey("input_tokens")).ToList();
        if (tokens.Count > 0)
            text += string.Create(CultureInfo.InvariantCulture,
                $", {tokens.Sum(r => r.Metrics["input_tokens"]):N0} input and {tokens.Sum(r => r.Metrics.GetValueOrDefault("output_tokens")):N0} output tokens (not in the cost table)");
        return text + ".";
    }

    private static int? AskedIn(JsonObject item) => item["expected_count"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;

    private static IEnumerable<JsonObject> Items(ScoreResult r) => (r.Details["items"] as JsonArray ?? []).OfType<JsonObject>();

    private static string Answer(JsonObject item) => item["answer"]?.ToString() ?? "unsure";

    private static string Question(JsonObject item) => item["question"]?.ToString() ?? item["id"]?.ToString() ?? "?";

    private static string Metric(ScoreResult r, string name) =>
        r.Metrics.TryGetValue(name, out var v) ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";
}
