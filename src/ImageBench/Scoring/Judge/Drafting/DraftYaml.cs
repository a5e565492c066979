using System.Globalization;
using ImageBench.Suites;

namespace ImageBench.Scoring.Judge.Drafting;

/// <summary>
/// Drafted checklists in <see cref="ChecklistYaml.ForSuite(Suite)"/>'s layout, headed by who drafted them and
/// when, with a comment above each prompt saying whether its block is the model's draft or the derived fallback
/// (and why). Pasted under each prompt's <c>expect:</c>, it freezes the drafts into the suite.
/// </summary>
public static class DraftYaml
{
    /// <param name="drafter">The spec's label, "openai:gpt-4.1-mini".</param>
    /// <param name="drafted">When the drafts were made (the caller's <see cref="TimeProvider"/>).</param>
    public static string ForSuite(Suite suite, IReadOnlyList<ChecklistDraft> drafts, string drafter, DateTimeOffset drafted)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(drafts);
        var byPrompt = drafts.ToDictionary(d => d.PromptId, StringComparer.Ordinal);
        var models = drafts.Select(d => d.Model).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var used = drafts.Count(d => d.Source == DraftSource.Drafted);
        var fallbacks = drafts.Count(d => d.Source == DraftSource.Fallback);
        string[] header =
        [
            $"Drafted by {drafter}{(models.Count > 0 ? $" (model {string.Join(", ", models)})" : "")} on "
                + drafted.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
                + $": {used} drafted, {fallbacks} fell back to the derived checklist. An LLM wrote these questions: review them before freezing.",
        ];
        return ChecklistYaml.ForSuite(suite, header, prompt => byPrompt.TryGetValue(prompt.Id, out var draft)
            ? (draft.Items, draft.Describe(drafter))
            : (ChecklistBuilder.For(prompt).Items, "not drafted: derived from expect:"));
    }
}
