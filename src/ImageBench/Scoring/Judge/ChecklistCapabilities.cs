namespace ImageBench.Scoring.Judge;

/// <summary>
/// Which capability a checklist question speaks for. Derived questions take it from the expectation they come
/// from; free <c>checks</c> strings take it from the prompt's tags, because the tags say what the prompt tests.
/// </summary>
public static class ChecklistCapabilities
{
    /// <summary>The capabilities a checklist item may name (the article's five).</summary>
    public static readonly IReadOnlyList<string> Known =
    [
        Capabilities.CountingAndComposition, Capabilities.PortraitsAndLighting, Capabilities.StyleAdherence,
        Capabilities.HandsAndAction, Capabilities.TextRendering,
    ];

    /// <summary>Tag → capability for free checks; the first of a prompt's tags found here wins.</summary>
    public static readonly IReadOnlyDictionary<string, string> ByTag = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["hands"] = Capabilities.HandsAndAction,
        ["action"] = Capabilities.HandsAndAction,
        ["anatomy"] = Capabilities.HandsAndAction,
        ["portrait"] = Capabilities.PortraitsAndLighting,
        ["lighting"] = Capabilities.PortraitsAndLighting,
        ["style"] = Capabilities.StyleAdherence,
        ["pixel-art"] = Capabilities.StyleAdherence,
        ["counting"] = Capabilities.CountingAndComposition,
        ["composition"] = Capabilities.CountingAndComposition,
        ["multi-object"] = Capabilities.CountingAndComposition,
        ["text-rendering"] = Capabilities.TextRendering,
        ["text"] = Capabilities.TextRendering,
    };

    /// <summary>The capability of a prompt's free checks: its first mapped tag, else counting and composition.</summary>
    public static string ForChecks(IReadOnlyList<string> tags) =>
        tags.Select(t => ByTag.GetValueOrDefault(t)).FirstOrDefault(c => c is not null) ?? Capabilities.CountingAndComposition;

    public static bool IsKnown(string capability) => Known.Contains(capability, StringComparer.Ordinal);
}
