using ImageBench.Emulator.Scenes;
using static ImageBench.Tests.Emulator.Scenes.ArticlePrompts;

namespace ImageBench.Tests.Emulator.Scenes;

public sealed class PromptObjectsTests
{
    public static TheoryData<string, string> SixPrompts => new()
    {
        { Dewdrop, "dewdrop=1; green fern frond=1" },
        // Quoted strings are text to draw, and nothing else on the poster is counted.
        { Poster, "" },
        { Bakery, "croissants=3; brown egg=1; linen napkin=1" },
        { Blacksmith, "60-year-old female blacksmith=1; hammer=1; soft key light=1; rembrandt triangle=1" },
        { Hands, "adult hands=2; silver needle=1; fingers=10" },
        // "32-bit" is not a count.
        { Cottage, "autumn maple trees=4; wooden bench=1" },
    };

    [Theory]
    [MemberData(nameof(SixPrompts))]
    public void The_article_prompts_give_their_counted_objects(string prompt, string expected) =>
        Assert.Equal(expected, string.Join("; ", PromptObjects.In(prompt).Select(o => $"{o.Name}={o.Count}")));

    [Theory]
    [InlineData("twelve eggs and 3 spoons", "eggs=12; spoons=3")]
    [InlineData("an owl, no people, a single red apple", "owl=1; red apple=1")]
    [InlineData("A robot holding a sign that says \"two cats\"", "robot=1; sign=1")]
    public void Number_words_digits_and_articles_count(string prompt, string expected) =>
        Assert.Equal(expected, string.Join("; ", PromptObjects.In(prompt).Select(o => $"{o.Name}={o.Count}")));
}
