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

    private static readonly Dictionary<string, string> ByScorer = new(StringComparer.Ordinal)
    {
        ["text"] = TextRendering,
        ["pixel-art"] = StyleAdherence,
    };

    /// <summary>The capability a scorer's verdict measures, or null for measurements that judge none.</summary>
    public static string? Of(ScoreResult result) =>
        result.Details["capability"]?.GetValue<string>() ?? ByScorer.GetValueOrDefault(result.Scorer);
}
