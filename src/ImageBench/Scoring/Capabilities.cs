using System.Text.Json.Nodes;

namespace ImageBench.Scoring;

/// <summary>
/// The capabilities the article compares, and which scorers' verdicts speak for each: a text check says nothing
/// about composition even on a poster prompt, so capabilities come from what was checked, not from prompt tags.
/// </summary>
public static class Capabilities
{
    public const string TextRendering = "text rendering";
    public const string CountingAndComposition = "counting and composition";
    public const string PortraitsAndLighting = "portraits and lighting";
    public const string StyleAdherence = "style adherence";
    public const string HandsAndAction = "hands and action";

    /// <summary>The article's order, which the report keeps.</summary>
    public static IReadOnlyList<string> All { get; } = [TextRendering, CountingAndComposition, PortraitsAndLighting, StyleAdherence, HandsAndAction];

    private static readonly Dictionary<string, string> ByScorer = new(StringComparer.Ordinal)
    {
        ["text"] = TextRendering,
        ["pixel-art"] = StyleAdherence,
    };

    /// <summary>The capability a scorer's verdict measures, or null for measurements that judge none.</summary>
    public static string? Of(ScoreResult result) =>
        result.Details["capability"]?.GetValue<string>() ?? ByScorer.GetValueOrDefault(result.Scorer);

    /// <summary>
    /// The capability verdicts one result carries. Most scorers give one verdict for one capability; the checklist
    /// judge answers questions about several at once and gives one verdict per capability it asked about
    /// (Details["capabilities"][name].passed), so a miscounted egg costs counting, not the whole judge verdict.
    /// </summary>
    public static IEnumerable<(string Capability, bool Passed)> VerdictsOf(ScoreResult result)
    {
        if (result.Error is not null || result.Passed is null) yield break;
        if (result.Details["capabilities"] is JsonObject split && split.Count > 0)
        {
            foreach (var (name, verdict) in split)
            {
                if (verdict?["passed"] is JsonValue passed && passed.TryGetValue<bool>(out var ok)) yield return (name, ok);
            }
            yield break;
        }
        if (Of(result) is { } capability) yield return (capability, result.Passed == true);
    }

    /// <summary>Sorts capabilities in the article's order, any others after them by name.</summary>
    public static int Rank(string capability)
    {
        var index = All.ToList().IndexOf(capability);
        return index < 0 ? All.Count : index;
    }
}
