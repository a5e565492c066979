using System.Text.RegularExpressions;
using ImageBench.Suites;

namespace ImageBench.Tests.Scoring.Judge.Drafting;

/// <summary>A two-prompt suite, a good draft for its flat-lay, and pasting a drafted block back under a prompt's expect:.</summary>
internal static partial class DraftFixtures
{
    public const string FlatlayText = "Overhead flat-lay on dark walnut wood: three croissants on parchment, one brown egg in a linen napkin, soft window light from the upper right.";

    /// <summary>Suite YAML; {flatlay} and {poster} mark where each prompt's checklist block is pasted (empty to leave it out).</summary>
    public const string SuiteTemplate = """
        name: drafting
        prompts:
          - id: flatlay
            tags: [counting]
            text: "Overhead flat-lay on dark walnut wood: three croissants on parchment, one brown egg in a linen napkin, soft window light from the upper right."
            expect:
              objects:
                - { name: croissant, count: 3, placement: on parchment }
                - { name: brown egg, count: 1, placement: in a linen napkin }
              lighting: soft window light from the upper right
        {flatlay}
          - id: poster
            tags: [style]
            text: A pixel-art poster of a lighthouse at night.
            expect:
              style: pixel-art
        {poster}
        """;

    public static string Suite(string flatlay = "", string poster = "") =>
        (SuiteTemplate + "\n").Replace("{flatlay}\n", flatlay, StringComparison.Ordinal).Replace("{poster}\n", poster, StringComparison.Ordinal);

    public static Suite Load(string flatlay = "", string poster = "") => SuiteLoader.Parse(Suite(flatlay, poster), "drafting.yaml");

    /// <summary>A good DSG draft: entities, then counts, placement and a relation depending on them.</summary>
    public const string GoodDraft = """
        {"items": [
          {"id": "croissant", "question": "Are there croissants?", "depends_on": [], "capability": "counting and composition"},
          {"id": "croissant.count", "question": "Are there exactly three croissants?", "depends_on": ["croissant"], "capability": "counting and composition", "count_of": "croissant"},
          {"id": "parchment", "question": "Is there parchment paper?", "depends_on": [], "capability": "counting and composition"},
          {"id": "croissant.on", "question": "Are the croissants on the parchment?", "depends_on": ["croissant", "parchment"], "capability": "counting and composition"},
          {"id": "egg", "question": "Is there a brown egg?", "depends_on": [], "capability": "counting and composition"},
          {"id": "egg.count", "question": "Is there exactly one brown egg?", "depends_on": ["egg"], "capability": "counting and composition", "count_of": "brown egg"},
          {"id": "light", "question": "Does soft window light come from the upper right?", "depends_on": [], "capability": "portraits and lighting"},
          {"id": "view", "question": "Is the scene seen from directly above?", "capability": "style adherence", "count_of": null}
        ]}
        """;

    /// <summary>The <c>checklist:</c> block printed under <paramref name="promptId"/> in a drafted YAML.</summary>
    public static string BlockOf(string yaml, string promptId)
    {
        var start = yaml.IndexOf($"  - id: {promptId}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no prompt {promptId} in:\n{yaml}");
        return Block().Match(yaml, start).Value;
    }

    [GeneratedRegex(@"(?ms)^      checklist:.*?(?=^  - id:|\z)")]
    private static partial Regex Block();
}
