using ImageBench.Scoring;
using ImageBench.Scoring.Judge;
using ImageBench.Scoring.Judge.Drafting;

namespace ImageBench.Tests.Scoring.Judge.Drafting;

public sealed class DraftReplyParserTests
{
    [Fact]
    public void Fences_prose_a_bare_array_and_a_single_parent_are_read()
    {
        const string reply = "Here is the checklist [v1]:\n```json\n[{\"id\": \"cup\", \"question\": \" Is there a cup? \", \"capability\": \"COUNTING AND COMPOSITION\"},\n"
            + " {\"id\": \"cup.place\", \"question\": \"Is the cup in the lower right?\", \"depends_on\": \"cup\", \"capability\": \"counting and composition\", \"count_of\": \"\"}]\n```\nHope this helps!";

        var items = DraftReplyParser.Parse(reply, out var error);

        Assert.Null(error);
        Assert.Equal(
            [new ChecklistItem("cup", "Is there a cup?", [], Capabilities.CountingAndComposition).ToQuestion(), new ChecklistItem("cup.place", "Is the cup in the lower right?", ["cup"], Capabilities.CountingAndComposition).ToQuestion()],
            items!.Select(i => i.ToQuestion()));
        Assert.Equal(["cup"], items![1].DependsOn);
        Assert.Equal(Capabilities.CountingAndComposition, items[0].Capability);
        Assert.Null(ChecklistRules.Check(items));
    }

    [Fact]
    public void The_shared_rules_report_the_first_problem_with_its_item_and_field()
    {
        List<ChecklistItem> items =
        [
            new("a", "A?", [], Capabilities.StyleAdherence),
            new("b", "B?", ["a", "c"], Capabilities.StyleAdherence),
            new("c", "C?", [], Capabilities.StyleAdherence),
        ];

        var problem = ChecklistRules.Check(items)!;

        Assert.Equal((1, ChecklistField.DependsOn, 1), (problem.Item, problem.Field, problem.Parent));
        Assert.Contains("depends on 'c', which comes later", problem.Message, StringComparison.Ordinal);
        Assert.Null(ChecklistRules.Check([items[0], items[2], items[1]]));
    }
}
