using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using ImageBench.Suites;

namespace ImageBench.Scoring.Judge;

/// <summary>
/// Writes checklists as suite YAML, so a user can freeze the derived questions into the suite (and then edit
/// them): the judge asks a frozen checklist verbatim, which keeps scores comparable when the derivation changes.
/// The output parses back with <see cref="SuiteLoader"/> to the same items.
/// </summary>
public static partial class ChecklistYaml
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Every prompt's checklist (frozen or derived) in the suite's own layout: each <c>checklist:</c> block sits
    /// where it belongs under <c>prompts[].expect</c> and can be pasted there as is.
    /// </summary>
    public static string ForSuite(Suite suite) => ForSuite(suite, [], prompt =>
    {
        var checklist = ChecklistBuilder.For(prompt);
        return (checklist.Items, checklist.Frozen ? "frozen in the suite" : "derived from expect:");
    });

    /// <summary>
    /// The same layout with the checklists <paramref name="checklistOf"/> picks (say, an LLM's drafts), a comment
    /// above each prompt's block, and <paramref name="header"/> comment lines first.
    /// </summary>
    public static string ForSuite(Suite suite, IEnumerable<string> header, Func<PromptSpec, (IReadOnlyList<ChecklistItem> Items, string Comment)> checklistOf)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(checklistOf);
        var text = new StringBuilder();
        foreach (var line in header) text.Append("# ").Append(OneLine(line)).Append('\n');
        text.Append("# Judge checklists of suite '").Append(suite.Name).Append("'. To freeze one, copy its checklist: block under\n");
        text.Append("# that prompt's expect: in ").Append(Path.GetFileName(suite.Path)).Append(" and edit it; a frozen checklist is asked verbatim.\n");
        text.Append("prompts:\n");
        foreach (var prompt in suite.Prompts)
        {
            var (items, comment) = checklistOf(prompt);
            text.Append("  - id: ").Append(Quote(prompt.Id)).Append('\n');
            text.Append("    # ").Append(OneLine(comment)).Append('\n');
            text.Append("    expect:\n");
            text.Append(Render(items, indent: 6));
        }
        return text.ToString();
    }

    /// <summary>A comment ends at the line break: anything after it would be read as YAML.</summary>
    internal static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>One prompt's checklist (frozen or derived) as a <c>checklist:</c> block indented to sit under its <c>expect:</c>.</summary>
    public static string ForPrompt(PromptSpec prompt) => Render(ChecklistBuilder.For(prompt).Items, indent: 6);

    /// <summary>One <c>checklist:</c> block, indented by <paramref name="indent"/> spaces.</summary>
    public static string Render(IReadOnlyList<ChecklistItem> items, int indent = 0)
    {
        var pad = new string(' ', indent);
        var text = new StringBuilder();
        text.Append(pad).Append(items.Count == 0 ? "checklist: []\n" : "checklist:\n");
        foreach (var item in items)
        {
            text.Append(pad).Append("  - id: ").Append(Quote(item.Id)).Append('\n');
            text.Append(pad).Append("    question: ").Append(JsonSerializer.Serialize(item.Question, Quoting)).Append('\n');
            if (item.DependsOn.Count > 0)
                text.Append(pad).Append("    depends_on: [").Append(string.Join(", ", item.DependsOn.Select(Quote))).Append("]\n");
            text.Append(pad).Append("    capability: ").Append(Quote(item.Capability)).Append('\n');
            if (item.CountOf is not null)
                text.Append(pad).Append("    count_of: ").Append(Quote(item.CountOf)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>
    /// Ids, capabilities and object names plain when YAML reads them back unchanged (letters, digits, spaces and
    /// <c>._-</c>); anything else as a JSON string, which is a valid YAML double-quoted scalar that every character survives.
    /// </summary>
    private static string Quote(string value) => PlainSafe().IsMatch(value) ? value : JsonSerializer.Serialize(value, Quoting);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*( [A-Za-z0-9._-]+)*$")]
    private static partial Regex PlainSafe();
}
