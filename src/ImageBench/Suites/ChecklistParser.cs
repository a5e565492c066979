using System.Text.RegularExpressions;
using ImageBench.Configuration;
using ImageBench.Scoring.Judge;
using YamlDotNet.RepresentationModel;

namespace ImageBench.Suites;

/// <summary>
/// Parses a frozen judge checklist (<c>checklist:</c> under a prompt's <c>expect:</c>). Every item names its
/// parents before it is listed, so the dependencies form a forest the judge can score top-down; anything else
/// (unknown or later parent, a cycle, an unknown capability) is an error with file:line:column.
/// </summary>
internal static partial class ChecklistParser
{
    public static IReadOnlyList<ChecklistItem> Parse(YamlNode node, string file)
    {
        if (node is not YamlSequenceNode seq)
            throw new InputException(YamlFields.Loc(node, file), "'checklist' must be a list of items (id, question, depends_on, capability, count_of)");
        var items = new List<ChecklistItem>();
        var parents = new List<IReadOnlyList<YamlNode>>();
        var index = new Dictionary<string, (int Position, SourceLocation At)>(StringComparer.Ordinal);
        foreach (var itemNode in seq.Children)
        {
            var f = new YamlFields(itemNode, file, "a checklist item");
            f.RejectUnknown("id", "question", "depends_on", "capability", "count_of");
            var id = f.RequiredString("id");
            var idAt = YamlFields.Loc(f.RequiredNode("id"), file);
            if (!IdPattern().IsMatch(id))
                throw new InputException(idAt, $"checklist id '{id}' may use only letters, digits, '-', '_' and '.'");
            if (index.TryGetValue(id, out var first))
                throw new InputException(idAt, $"duplicate checklist id '{id}' (first at line {first.At.Line})");
            var capability = f.RequiredString("capability");
            if (!ChecklistCapabilities.IsKnown(capability))
                throw new InputException(YamlFields.Loc(f.RequiredNode("capability"), file),
                    $"unknown capability '{capability}' (expected one of: {string.Join(", ", ChecklistCapabilities.Known)})");
            var dependsOn = DependsOnNodes(f, file);
            index[id] = (items.Count, idAt);
            parents.Add(dependsOn);
            items.Add(new ChecklistItem(id, f.RequiredString("question").Trim(), dependsOn.Select(n => ((YamlScalarNode)n).Value!).ToList(),
                capability, f.OptionalString("count_of") is { Length: > 0 } c ? c : null));
        }
        for (var i = 0; i < items.Count; i++)
            for (var p = 0; p < parents[i].Count; p++)
                CheckParent(items, index, i, items[i].DependsOn[p], YamlFields.Loc(parents[i][p], file));
        return items;
    }

    private static List<YamlNode> DependsOnNodes(YamlFields f, string file)
    {
        var node = f.Node("depends_on");
        var list = node switch
        {
            null => [],
            YamlScalarNode s when string.IsNullOrWhiteSpace(s.Value) => [],
            YamlScalarNode s => [s],
            YamlSequenceNode s => s.Children.ToList(),
            _ => throw new InputException(YamlFields.Loc(node, file), "'depends_on' must be a list of checklist ids"),
        };
        foreach (var n in list)
            if (n is not YamlScalarNode { Value: { Length: > 0 } })
                throw new InputException(YamlFields.Loc(n, file), "every item of 'depends_on' must be a checklist id");
        return list;
    }

    private static void CheckParent(List<ChecklistItem> items, Dictionary<string, (int Position, SourceLocation At)> index, int child, string parent, SourceLocation at)
    {
        var id = items[child].Id;
        if (parent == id)
            throw new InputException(at, $"checklist item '{id}' depends on itself");
        if (!index.TryGetValue(parent, out var p))
            throw new InputException(at, $"checklist item '{id}' depends on unknown id '{parent}'");
        if (p.Position < child) return;
        if (PathTo(items, index, parent, id, []) is { } cycle)
            throw new InputException(at, $"dependency cycle: {id} → {string.Join(" → ", cycle)}");
        throw new InputException(at, $"checklist item '{id}' depends on '{parent}', which comes later: list an item after the items it depends on");
    }

    /// <summary>A dependency path from <paramref name="from"/> to <paramref name="to"/>, or null.</summary>
    private static List<string>? PathTo(List<ChecklistItem> items, Dictionary<string, (int Position, SourceLocation At)> index, string from, string to, HashSet<string> seen)
    {
        if (from == to) return [to];
        if (!seen.Add(from) || !index.TryGetValue(from, out var f)) return null;
        foreach (var next in items[f.Position].DependsOn)
            if (PathTo(items, index, next, to, seen) is { } rest)
                return [from, .. rest];
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();
}
