using ImageBench.Configuration;
using ImageBench.Suites;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Suites;

public class SuiteLoaderTests
{
    [Fact]
    public void Seed_six_holds_the_article_prompts_with_expectations()
    {
        var suite = SuiteLoader.Load(RepoPaths.File("suites", "seed-six.yaml"));

        Assert.Equal(["dewdrop-macro", "coffee-poster", "bakery-flatlay", "blacksmith-portrait", "hands-needle", "pixel-cottage"], suite.Prompts.Select(p => p.Id));
        var poster = suite.Prompts[1];
        Assert.Equal("Minimalist coffee shop poster — large bold serif \"MORNING BREW\", subtitle \"OPEN FROM 7 AM EVERY DAY\", watercolor coffee cup on the lower right, editorial layout.", poster.Text);
        Assert.Equal(["MORNING BREW", "OPEN FROM 7 AM EVERY DAY"], poster.Expect.Text.Select(t => t.Value));
        var eggs = suite.Prompts[2].Expect.Objects.Single(o => o.Name == "brown egg");
        Assert.Equal(1, eggs.Count);
        Assert.Equal(3, suite.Prompts[2].Expect.Objects.Single(o => o.Name == "croissant").Count);
        Assert.Equal("pixel-art", suite.Prompts[5].Expect.Style);
        Assert.Equal(64, suite.Sha256.Length);
    }

    [Theory]
    [InlineData("prompts:\n  - id: a\n    text: x: y\n", 3, "YAML syntax error")]
    [InlineData("prompts:\n  - id: a\n    txt: hello\n", 3, "unknown key 'txt'")]
    [InlineData("prompts:\n  - id: a\n", 2, "missing required key 'text'")]
    [InlineData("prompts:\n  - id: a\n    text: x\n  - id: a\n    text: y\n", 4, "duplicate prompt id 'a'")]
    [InlineData("prompts:\n  - id: a\n    text: x\n    expect:\n      objects:\n        - { name: egg, count: many }\n", 6, "'count' must be a whole number")]
    [InlineData("prompts: []\n", 1, "at least one prompt")]
    [InlineData("name: x\nprompts:\n  - id: 'bad id!'\n    text: x\n", 3, "may use only letters")]
    public void Errors_point_at_file_line_and_column(string yaml, int line, string message)
    {
        var ex = Assert.Throws<InputException>(() => SuiteLoader.Parse(yaml, "suite.yaml"));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"suite.yaml:{line}:", ex.Message, StringComparison.Ordinal);
        Assert.Equal(line, ex.Location!.Line);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Missing_file_is_input_error()
    {
        var ex = Assert.Throws<InputException>(() => SuiteLoader.Load("/nonexistent/suite.yaml"));
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_forms_are_accepted()
    {
        var suite = SuiteLoader.Parse("prompts:\n  - id: p\n    text: A sign\n    tags: sign\n    expect:\n      text: [OPEN]\n      objects: [sign]\n", "s.yaml");

        var p = suite.Prompts.Single();
        Assert.Equal(["sign"], p.Tags);
        Assert.Equal("OPEN", p.Expect.Text.Single().Value);
        Assert.Null(p.Expect.Objects.Single().Count);
    }

    [Fact]
    public void Hash_changes_with_content()
    {
        var a = SuiteLoader.Parse("prompts:\n  - id: p\n    text: A\n", "s.yaml");
        var b = SuiteLoader.Parse("prompts:\n  - id: p\n    text: B\n", "s.yaml");
        Assert.NotEqual(a.Sha256, b.Sha256);
    }
}
