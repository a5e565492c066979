using System.Text.Json.Nodes;
using ImageBench.Scoring;
using ImageBench.Suites;

namespace ImageBench.Reporting;

/// <summary>
/// The article's "Read:" under each prompt, from the scores: per model what passed and failed (by capability),
/// the typos, the counts the judge saw, then which model did best on this prompt. Every repeat of a model counts.
/// </summary>
public static class PromptReads
{
    public static IReadOnlyList<string> Of(string promptId, Expectations? expect, IReadOnlyList<ReportModel> models, RunScores? scores)
    {
        if (scores is null) return [];
        var tallies = new List<(ReportModel Model, CheckTally Tally, int Images)>();
        var lines = new List<string>();
        foreach (var model in models)
        {
            var mine = scores.Attempts.Where(a => a.Attempt.Model == model.Id && a.Attempt.PromptId == promptId).ToList();
            var verdicts = mine.SelectMany(a => a.Results.SelectMany(Capabilities.VerdictsOf)).ToList();
            if (verdicts.Count == 0) continue;
            var tally = new CheckTally(verdicts.Count(v => v.Passed), verdicts.Count);
            tallies.Add((model, tally, mine.Count));
            lines.Add($"{model.Name} ({Images(mine.Count)}): {Describe(verdicts, mine.SelectMany(a => a.Results).ToList(), expect)}");
        }
        if (tallies.Count > 1) lines.Add(Winner(tallies));
        return lines;
    }

    private static string Describe(IReadOnlyList<(string Capability, bool Passed)> verdicts, IReadOnlyList<ScoreResult> results, Expectations? expect)
    {
        var byCapability = verdicts.GroupBy(v => v.Capability).OrderBy(g => Capabilities.Rank(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Passed: g.Count(v => v.Passed), Checked: g.Count())).ToList();
        var parts = new List<string>();
        var passed = byCapability.Where(c => c.Passed == c.Checked).Select(c => c.Name).ToList();
        var failed = byCapability.Where(c => c.Passed < c.Checked).Select(c => c.Checked > 1 ? $"{c.Name} ({c.Checked - c.Passed} of {c.Checked})" : c.Name).ToList();
        if (passed.Count > 0) parts.Add("passed " + string.Join(", ", passed));
        if (failed.Count > 0) parts.Add("failed " + string.Join(", ", failed));
        var typos = results.Where(r => r.Scorer == "text" && r.Error is null).SelectMany(Typos).Distinct(StringComparer.Ordinal).ToList();
        if (typos.Count > 0) parts.Add("typos " + string.Join(", ", typos));
        var counts = results.Where(r => r.Scorer == JudgeLines.Scorer && r.Error is null)
            .SelectMany(r => JudgeLines.Counts(r, expect)).Select(c => c.Matches == false ? $"{c.Text} ✗" : c.Text).Distinct(StringComparer.Ordinal).ToList();
        if (counts.Count > 0) parts.Add("judge " + string.Join(", ", counts));
        return string.Join("; ", parts);
    }

    private static IEnumerable<string> Typos(ScoreResult text) =>
        (text.Details["strings"] as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(s => (s["typos"] as JsonArray ?? []).OfType<JsonObject>())
            .Select(t => t["text"]?.ToString())
            .OfType<string>();

    /// <summary>"one image", "3 images": how much the read rests on, so one image's luck is not read as a model's habit.</summary>
    private static string Images(int n) => n == 1 ? "one image" : $"{n} images";

    /// <summary>Highest share of checks passed; equal shares are a tie, not a win by ordering.</summary>
    private static string Winner(IReadOnlyList<(ReportModel Model, CheckTally Tally, int Images)> tallies)
    {
        var ranked = tallies.OrderByDescending(t => t.Tally.Share).ToList();
        var top = ranked.Where(t => t.Tally.Share == ranked[0].Tally.Share).ToList();
        var shares = string.Join(" vs ", ranked.Select(t => $"{t.Tally.Passed} of {t.Tally.Checked}"));
        var each = tallies.All(t => t.Images == 1) ? ", one image each" : "";
        return top.Count == ranked.Count
            ? $"No winner on this prompt: every model passed the same share of its checks ({shares}{each})."
            : top.Count > 1
                ? $"Tie on this prompt: {string.Join(" and ", top.Select(t => t.Model.Name))} ({shares} checks passed{each})."
                : $"Best on this prompt: {top[0].Model.Name} ({shares} checks passed{each}).";
    }
}
