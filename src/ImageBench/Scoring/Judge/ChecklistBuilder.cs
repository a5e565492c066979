using ImageBench.Suites;

namespace ImageBench.Scoring.Judge;

/// <summary>
/// A prompt's checklist: the suite's frozen one verbatim when it has one, else questions derived from its
/// expectations, DSG style — per object a presence root with the exact count and the placement as children;
/// then lighting, style, action, and the free <c>checks</c> strings. Ids and order are stable, so a frozen copy
/// (<see cref="ChecklistYaml"/>) and later derivations line up.
/// </summary>
public static class ChecklistBuilder
{
    public static Checklist For(Expectations expect) =>
        expect.Checklist is { } frozen ? new Checklist(frozen, Frozen: true) : Derive(expect);

    /// <summary>As <see cref="For(Expectations)"/>, with the prompt's tags even when the expectations were built without them.</summary>
    public static Checklist For(PromptSpec prompt) =>
        For(prompt.Expect.Tags.Count == 0 ? prompt.Expect with { Tags = prompt.Tags } : prompt.Expect);

    /// <summary>The derived checklist, ignoring any frozen one.</summary>
    public static Checklist Derive(Expectations expect)
    {
        const string composition = Capabilities.CountingAndComposition;
        var items = new List<ChecklistItem>();
        for (var i = 0; i < expect.Objects.Count; i++)
        {
            var o = expect.Objects[i];
            var id = $"obj{i + 1}";
            if (o.Count == 0)
            {
                // "None of these" has no presence to depend on; the count the judge reports still shows what it saw.
                items.Add(new ChecklistItem(id, ChecklistPhrasing.ExactCount(o.Name, 0), [], composition, o.Name));
                continue;
            }
            items.Add(new ChecklistItem(id, ChecklistPhrasing.Presence(o.Name), [], composition));
            if (o.Count is { } count)
                items.Add(new ChecklistItem($"{id}.count", ChecklistPhrasing.ExactCount(o.Name, count), [id], composition, o.Name));
            if (!string.IsNullOrWhiteSpace(o.Placement))
                items.Add(new ChecklistItem($"{id}.place", ChecklistPhrasing.Placement(o.Name, o.Count, o.Placement), [id], composition));
        }
        if (!string.IsNullOrWhiteSpace(expect.Lighting))
            items.Add(new ChecklistItem("lighting", $"Does the lighting match \"{expect.Lighting.Trim()}\"?", [], Capabilities.PortraitsAndLighting));
        if (!string.IsNullOrWhiteSpace(expect.Style))
            items.Add(new ChecklistItem("style", $"Does the image's style match \"{expect.Style.Trim()}\"?", [], Capabilities.StyleAdherence));
        if (!string.IsNullOrWhiteSpace(expect.Action))
            items.Add(new ChecklistItem("action", $"Does the image show this action: {expect.Action.Trim().TrimEnd('.')}?", [], Capabilities.HandsAndAction));
        var checks = ChecklistCapabilities.ForChecks(expect.Tags);
        for (var i = 0; i < expect.Checks.Count; i++)
            items.Add(new ChecklistItem($"check{i + 1}", expect.Checks[i].Trim(), [], checks));
        return new Checklist(items, Frozen: false);
    }
}
