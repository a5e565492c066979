using ImageBench.Suites;
using Microsoft.Extensions.AI;

namespace ImageBench.Scoring.Judge.Drafting;

/// <summary>
/// Asks an LLM to write a prompt's judge checklist (DSG style: entities, then their counts, attributes and relations
/// depending on them), once, so the user can freeze it into the suite. A draft is accepted only when it parses and
/// passes the suite's own <see cref="ChecklistRules"/>; otherwise — or when the call fails — the prompt keeps its
/// rule-derived checklist and the draft says why. Never throws for a bad model or provider; cancellation passes.
/// </summary>
/// <param name="label">Names the drafting model in reasons ("openai:gpt-4.1-mini").</param>
public sealed class ChecklistDrafter(IChatClient client, string label)
{
    public string Label { get; } = label;

    /// <summary>Every prompt of the suite in order, one request after another (a suite has a handful of prompts).</summary>
    public async Task<IReadOnlyList<ChecklistDraft>> DraftAsync(Suite suite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var drafts = new List<ChecklistDraft>();
        foreach (var prompt in suite.Prompts)
            drafts.Add(await DraftAsync(prompt, cancellationToken).ConfigureAwait(false));
        return drafts;
    }

    public async Task<ChecklistDraft> DraftAsync(PromptSpec prompt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var current = ChecklistBuilder.For(prompt);
        if (current.Frozen) return new ChecklistDraft(prompt.Id, current.Items, DraftSource.Frozen);
        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync(DraftRequest.Messages(prompt), DraftRequest.Options(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Fallback(prompt, current, $"the call failed: {e.Message}", null);
        }
        if (DraftReplyParser.Parse(response.Text, out var error) is not { } items)
            return Fallback(prompt, current, error!, response.ModelId);
        if (items.Count == 0)
            return Fallback(prompt, current, "the draft has no items", response.ModelId);
        if (ChecklistRules.Check(items) is { } problem)
            return Fallback(prompt, current, Describe(problem, items), response.ModelId);
        return new ChecklistDraft(prompt.Id, items, DraftSource.Drafted, Model: response.ModelId);
    }

    private static ChecklistDraft Fallback(PromptSpec prompt, Checklist derived, string reason, string? model) =>
        new(prompt.Id, derived.Items, DraftSource.Fallback, ChecklistYaml.OneLine(reason), model);

    private static string Describe(ChecklistProblem problem, IReadOnlyList<ChecklistItem> items)
    {
        var first = problem.FirstItem is { } j ? $" (first is item {j + 1})" : "";
        return $"item {problem.Item + 1} ('{items[problem.Item].Id}'): {problem.Message}{first}";
    }
}
