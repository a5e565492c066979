using CsCheck;
using ImageBench.Scoring;
using ImageBench.Scoring.Judge;
using ImageBench.Suites;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Scoring.Judge;

public sealed class ChecklistYamlTests
{
    [Fact]
    public void The_rendered_suite_freezes_back_to_the_same_checklists()
    {
        var seed = SuiteLoader.Load(RepoPaths.File("suites", "seed-six.yaml"));
        var yaml = ChecklistYaml.ForSuite(seed);
        Assert.Contains(ChecklistYaml.ForPrompt(seed.Prompts[2]), yaml, StringComparison.Ordinal);

        // The rendering is itself a suite-shaped document; with texts added it loads as one.
        var frozen = SuiteLoader.Parse(yaml.Replace("    expect:\n", "    text: x\n    expect:\n", StringComparison.Ordinal), "frozen.yaml");

        Assert.Contains("- id: obj5.count\n          question: \"Is there exactly one brown egg?\"\n          depends_on: [obj5]\n          capability: counting and composition\n          count_of: brown egg\n", yaml, StringComparison.Ordinal);
        foreach (var prompt in seed.Prompts)
        {
            var again = ChecklistBuilder.For(frozen.Prompts.Single(p => p.Id == prompt.Id));
            Assert.True(again.Frozen);
            Assert.Equal(ChecklistBuilder.For(prompt).Hash(), again.Hash());
        }
    }

    [Fact]
    public void Any_question_text_survives_the_round_trip()
    {
        Gen.String[Gen.Char["ab \"'{}[]#:-\\\né鸡\t"], 1, 40].Array[1, 4].Sample(questions =>
        {
            var items = questions.Select((q, i) => new ChecklistItem($"q{i}", q.Trim().Length == 0 ? "x" : q.Trim(), i == 0 ? [] : ["q0"], Capabilities.StyleAdherence, i % 2 == 0 ? q : null)).ToList();
            var yaml = "prompts:\n  - id: p\n    text: t\n    expect:\n" + ChecklistYaml.Render(items, indent: 6);
            var parsed = SuiteLoader.Parse(yaml, "s.yaml").Prompts[0].Expect.Checklist!;
            Assert.Equal(items.Select(i => (i.Id, i.Question, string.Join(",", i.DependsOn), i.Capability, i.CountOf is { Length: > 0 } ? i.CountOf : null)),
                parsed.Select(i => (i.Id, i.Question, string.Join(",", i.DependsOn), i.Capability, i.CountOf)));
        });
    }
}
