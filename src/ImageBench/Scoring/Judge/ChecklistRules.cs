using System.Text.RegularExpressions;

namespace ImageBench.Scoring.Judge;

/// <summary>Which part of a checklist item a <see cref="ChecklistProblem"/> is about, so a parser can point at it.</summary>
public enum ChecklistField { Id, Question, Capability, DependsOn }

/// <summary>
/// Why a checklist is not acceptable: the item (0-based), the field, for <see cref="ChecklistField.DependsOn"/> which
/// parent (0-based), and for a duplicate id the item that first used it. <see cref="Message"/> names no location:
/// the suite parser prefixes file:line:column, the drafter the item number.
/// </summary>
public sealed record ChecklistProblem(int Item, ChecklistField Field, string Message, int Parent = -1, int? FirstItem = null);

/// <summary>
/// The rules every checklist obeys, whether frozen in a suite or drafted by an LLM: ids well-formed and unique,
/// a known capability, a non-empty question, and parents listed earlier — so the dependencies form a forest the
/// judge can score top-down. One set of rules for both, so a draft that passes here also loads from the suite.
/// </summary>
public static partial class ChecklistRules
{
    /// <summary>The first problem of <paramref name="items"/> in the suite parser's order, or null when it is valid.</summary>
    public static ChecklistProblem? Check(IReadOnlyList<ChecklistItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var ids = items.Select(i => i.Id).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            if ((CheckId(ids, i) ?? CheckCapability(items[i].Capability, i) ?? CheckQuestion(items[i].Question, i)) is { } problem)
                return problem;
        }
        return CheckDependencies(items);
    }

    /// <summary>Item <paramref name="index"/>'s id: the allowed characters, and not used by an earlier item.</summary>
    public static ChecklistProblem? CheckId(IReadOnlyList<string> ids, int index)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var id = ids[index];
        if (!IdPattern().IsMatch(id))
            return new(index, ChecklistField.Id, $"checklist id '{id}' may use only letters, digits, '-', '_' and '.'");
        for (var j = 0; j < index; j++)
            if (ids[j] == id)
                return new(index, ChecklistField.Id, $"duplicate checklist id '{id}'", FirstItem: j);
        return null;
    }

    public static ChecklistProblem? CheckCapability(string capability, int index) =>
        ChecklistCapabilities.IsKnown(capability) ? null
            : new(index, ChecklistField.Capability, $"unknown capability '{capability}' (expected one of: {string.Join(", ", ChecklistCapabilities.Known)})");

    public static ChecklistProblem? CheckQuestion(string question, int index) =>
        string.IsNullOrWhiteSpace(question) ? new(index, ChecklistField.Question, "'question' must be a non-empty string") : null;

    /// <summary>Every parent names another item listed earlier; a later one is reported as a cycle when it is one.</summary>
    public static ChecklistProblem? CheckDependencies(IReadOnlyList<ChecklistItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++) index.TryAdd(items[i].Id, i);
        for (var i = 0; i < items.Count; i++)
            for (var p = 0; p < items[i].DependsOn.Count; p++)
                if (CheckParent(items, index, i, p) is { } problem)
                    return problem;
        return null;
    }

    private static ChecklistProblem? CheckParent(IReadOnlyList<ChecklistItem> items, Dictionary<string, int> index, int child, int p)
    {
        var id = items[child].Id;
        var parent = items[child].DependsOn[p];
        if (parent == id)
            return new(child, ChecklistField.DependsOn, $"checklist item '{id}' depends on itself", p);
        if (!index.TryGetValue(parent, out var position))
            return new(child, ChecklistField.DependsOn, $"checklist item '{id}' depends on unknown id '{parent}'", p);
        if (position < child) return null;
        if (PathTo(items, index, parent, id, []) is { } cycle)
            return new(child, ChecklistField.DependsOn, $"dependency cycle: {id} → {string.Join(" → ", cycle)}", p);
        return new(child, ChecklistField.DependsOn, $"checklist item '{id}' depends on '{parent}', which comes later: list an item after the items it depends on", p);
    }

    /// <summary>A dependency path from <paramref name="from"/> to <paramref name="to"/>, or null.</summary>
    private static List<string>? PathTo(IReadOnlyList<ChecklistItem> items, Dictionary<string, int> index, string from, string to, HashSet<string> seen)
    {
        if (from == to) return [to];
        if (!seen.Add(from) || !index.TryGetValue(from, out var f)) return null;
        foreach (var next in items[f].DependsOn)
            if (PathTo(items, index, next, to, seen) is { } rest)
                return [from, .. rest];
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();
}
