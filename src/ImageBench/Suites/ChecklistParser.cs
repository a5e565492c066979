using ImageBench.Configuration;
using ImageBench.Scoring.Judge;
using YamlDotNet.RepresentationModel;

namespace ImageBench.Suites;

/// <summary>
/// Parses a frozen judge checklist (<c>checklist:</c> under a prompt's <c>expect:</c>). The rules themselves live in
/// <see cref="ChecklistRules"/> (shared with the LLM drafter); this maps each problem to the file:line:column of
/// the YAML node it is about.
/// </summary>
internal static class ChecklistParser
{
    public static IReadOnlyList<ChecklistItem> Parse(YamlNode node, string file)
    {
        if (node is not YamlSequenceNode seq)
            throw new InputException(YamlFields.Loc(node, file), "'checklist' must be a list of items (id, question, depends_on, capability, count_of)");
        var items = new List<ChecklistItem>();
        var ids = new List<string>();
        var fields = new List<YamlFields>();
        var parents = new List<IReadOnlyList<YamlNode>>();
        foreach (var itemNode in seq.Children)
        {
            var f = new YamlFields(itemNode, file, "a checklist item");
            f.RejectUnknown("id", "question", "depends_on", "capability", "count_of");
            var id = f.RequiredString("id");
            var index = items.Count;
            ids.Add(id);
            fields.Add(f);
            Throw(ChecklistRules.CheckId(ids, index), fields, parents, file);
            var capability = f.RequiredString("capability");
            Throw(ChecklistRules.CheckCapability(capability, index), fields, parents, file);
            var dependsOn = DependsOnNodes(f, file);
            parents.Add(dependsOn);
            items.Add(new ChecklistItem(id, f.RequiredString("question").Trim(), dependsOn.Select(n => ((YamlScalarNode)n).Value!).ToList(),
                capability, f.OptionalString("count_of") is { Length: > 0 } c ? c : null));
        }
        Throw(ChecklistRules.CheckDependencies(items), fields, parents, file);
        return items;
    }

    private static void Throw(ChecklistProblem? problem, List<YamlFields> fields, List<IReadOnlyList<YamlNode>> parents, string file)
    {
        if (problem is null) return;
        var f = fields[problem.Item];
        var at = problem.Field switch
        {
            ChecklistField.DependsOn => YamlFields.Loc(parents[problem.Item][problem.Parent], file),
            ChecklistField.Capability => YamlFields.Loc(f.RequiredNode("capability"), file),
            ChecklistField.Question => YamlFields.Loc(f.RequiredNode("question"), file),
            _ => YamlFields.Loc(f.RequiredNode("id"), file),
        };
        var first = problem.FirstItem is { } j ? $" (first at line {YamlFields.Loc(fields[j].RequiredNode("id"), file).Line})" : "";
        throw new InputException(at, problem.Message + first);
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
}
