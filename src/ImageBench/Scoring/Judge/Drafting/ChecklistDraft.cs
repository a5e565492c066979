namespace ImageBench.Scoring.Judge.Drafting;

/// <summary>How a prompt's checklist came about when a suite was drafted.</summary>
public enum DraftSource
{
    /// <summary>Written by the drafting model and valid under <see cref="ChecklistRules"/>.</summary>
    Drafted,
    /// <summary>The draft failed (call, JSON or rules): the rule-derived checklist instead, with the reason.</summary>
    Fallback,
    /// <summary>The suite already freezes this prompt's checklist: kept verbatim, nothing sent.</summary>
    Frozen,
}

/// <summary>One prompt's checklist from <see cref="ChecklistDrafter"/>.</summary>
/// <param name="Reason">For <see cref="DraftSource.Fallback"/>: why the draft was not used.</param>
/// <param name="Model">The model id the provider reported, when it did.</param>
public sealed record ChecklistDraft(string PromptId, IReadOnlyList<ChecklistItem> Items, DraftSource Source, string? Reason = null, string? Model = null)
{
    /// <summary>One line for the YAML comment above the prompt and for warnings.</summary>
    public string Describe(string drafter) => Source switch
    {
        DraftSource.Drafted => $"drafted by {drafter}; review before freezing",
        DraftSource.Frozen => "frozen in the suite; not redrafted",
        _ => $"derived from expect: (the draft by {drafter} was not used: {Reason})",
    };
}
