using ImageBench.Suites;

namespace ImageBench.Scoring;

/// <summary>
/// The capabilities the article compares, and which prompt tags count toward each. A model's capability score is
/// the mean pass fraction of its images on prompts carrying one of the capability's tags.
/// </summary>
public static class Capabilities
{
    public static readonly IReadOnlyDictionary<string, string[]> TagsByCapability = new Dictionary<string, string[]>
    {
        ["text rendering"] = ["text-rendering", "poster", "typography", "cjk"],
        ["counting & composition"] = ["counting", "composition", "multi-object", "layout"],
        ["portraits & lighting"] = ["portrait", "lighting"],
        ["style adherence"] = ["style", "pixel-art"],
        ["hands & action"] = ["hands", "action", "anatomy"],
    };

    public static IEnumerable<string> Of(PromptSpec prompt) =>
        TagsByCapability.Where(kv => kv.Value.Any(t => prompt.Tags.Contains(t, StringComparer.OrdinalIgnoreCase))).Select(kv => kv.Key);
}
