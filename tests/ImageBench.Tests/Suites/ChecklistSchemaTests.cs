using ImageBench.Configuration;
using ImageBench.Scoring;
using ImageBench.Scoring.Judge;
using ImageBench.Suites;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Suites;

public sealed class ChecklistSchemaTests
{
    private const string Head = "prompts:\n  - id: p\n    text: eggs\n    expect:\n      checklist:\n";

    [Fact]
    public void A_frozen_checklist_loads_with_its_dependencies()
    {
        var suite = SuiteLoader.Parse(Head +
            "        - { id: egg, question: Is there an egg?, capability: counting and composition }\n" +
            "        - id: egg.count\n          question: Is there exactly one egg?\n          depends_on: [egg]\n          capability: counting and composition\n          count_of: egg\n" +
            "        - { id: light, question: Is it lit from the left?, depends_on: egg, capability: portraits and lighting }\n", "s.yaml");

        var items = suite.Prompts[0].Expect.Checklist!;
        Assert.Equal(["egg", "egg.count", "light"], items.Select(i => i.Id));
        Assert.Equal(["egg"], items[1].DependsOn);
        Assert.Equal("egg", items[1].CountOf);
        Assert.Equal(["egg"], items[2].DependsOn);
        Assert.Equal(Capabilities.PortraitsAndLighting, items[2].Capability);
        Assert.True(ChecklistBuilder.For(suite.Prompts[0]).Frozen);
    }

    [Theory]
    [InlineData("        - { id: a, question: q?, capability: counting and composition, colour: red }\n", 6, 72, "unknown key 'colour'")]
    [InlineData("        - { id: a, question: q?, capability: counting and composition }\n        - { id: a, question: r?, capability: counting and composition }\n", 7, 17, "duplicate checklist id 'a' (first at line 6)")]
    [InlineData("        - { id: a, question: q?, depends_on: [zz], capability: counting and composition }\n", 6, 47, "depends on unknown id 'zz'")]
    [InlineData("        - { id: a, question: q?, depends_on: [b], capability: counting and composition }\n        - { id: b, question: r?, capability: counting and composition }\n", 6, 47, "depends on 'b', which comes later")]
    [InlineData("        - { id: a, question: q?, depends_on: [b], capability: counting and composition }\n        - { id: b, question: r?, depends_on: [a], capability: counting and composition }\n", 6, 47, "dependency cycle: a → b → a")]
    [InlineData("        - { id: a, question: q?, depends_on: [a], capability: counting and composition }\n", 6, 47, "depends on itself")]
    [InlineData("        - { id: a, question: q?, capability: vibes }\n", 6, 46, "unknown capability 'vibes'")]
    [InlineData("        - { id: a, capability: style adherence }\n", 6, 11, "missing required key 'question'")]
    [InlineData("        - { id: 'a b', question: q?, capability: style adherence }\n", 6, 17, "may use only letters")]
    [InlineData("        oops\n", 6, 9, "'checklist' must be a list")]
    public void Checklist_errors_point_at_file_line_and_column(string items, int line, int column, string message)
    {
        var ex = Assert.Throws<InputException>(() => SuiteLoader.Parse(Head + items, "suite.yaml"));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (ex.Location!.Line, ex.Location.Column));
        Assert.StartsWith($"suite.yaml:{line}:{column}: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Suites_without_a_checklist_keep_their_expectation_hashes()
    {
        var seed = SuiteLoader.Load(RepoPaths.File("suites", "seed-six.yaml"));
        var poster = seed.Prompts.Single(p => p.Id == "coffee-poster").Expect;
        var json = System.Text.Json.JsonSerializer.Serialize(poster);

        Assert.Null(poster.Checklist);
        Assert.Equal(["text-rendering", "layout", "poster"], poster.Tags);
        Assert.DoesNotContain("Checklist", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Tags", json, StringComparison.Ordinal);
        Assert.Equal(ScoreKey.HashOf(poster), ScoreKey.HashOf(poster with { Tags = [] }));
    }
}
