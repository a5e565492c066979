using ImageBench.Emulator;
using ImageBench.Emulator.Judge;
using ImageBench.Emulator.Scenes;
using ImageBench.Scoring.Judge;
using static ImageBench.Tests.Emulator.Scenes.ArticlePrompts;

namespace ImageBench.Tests.Emulator.Judge;

public sealed class EmulatedJudgeTests
{
    private static Scene SceneOf(string model, string prompt) =>
        SceneBuilder.Build(model, prompt, EmulatorOptions.ArticleDefaults(0).ProfileFor(model), 42);

    private static JudgeAnswer Ask(Scene? scene, JudgeQuestion question) =>
        EmulatedJudge.Answer(scene, [question], "image", 0, noiseRate: 0).Answers.Single();

    [Fact]
    public void Flux_bakery_fails_the_egg_count_but_shows_eggs()
    {
        var scene = SceneOf("flux-pro-1.1", Bakery);
        var count = Ask(scene, new("eggs", "Are there exactly 1 brown egg in the image?", "brown egg"));
        Assert.Equal("no", count.Answer);
        Assert.Contains(count.Count!.Value, new[] { 3, 4 });
        Assert.Equal("yes", Ask(scene, new("egg", "Is there a brown egg?")).Answer);
        Assert.Equal("no", Ask(scene, new("napkin", "Is the egg in a linen napkin?")).Answer);
        Assert.Equal("yes", Ask(scene, new("croissants", "Are there exactly three croissants?", "croissant")) .Answer);
        Assert.Equal("unsure", Ask(scene, new("rosemary", "Is there a sprig of rosemary?")).Answer);
    }

    [Fact]
    public void Gpt_image_2_passes_the_bakery_counts()
    {
        var scene = SceneOf("gpt-image-2", Bakery);
        Assert.Equal(new JudgeAnswer("eggs", "yes", 1), Ask(scene, new("eggs", "Are there exactly 1 brown egg?", "brown egg")));
        Assert.Equal("yes", Ask(scene, new("napkin", "Is there a linen napkin?")).Answer);
    }

    [Fact]
    public void Gpt_image_2_cottage_has_no_bench_but_four_trees()
    {
        var scene = SceneOf("gpt-image-2", Cottage);
        Assert.Equal("no", Ask(scene, new("bench", "Is there a wooden bench beside the door?")).Answer);
        Assert.Equal(new JudgeAnswer("trees", "yes", 4), Ask(scene, new("trees", "Are there exactly 4 autumn maple trees?", "autumn maple tree")));
        Assert.Equal("no", Ask(scene, new("trees5", "Are there five maple trees?")).Answer);
    }

    [Fact]
    public void Flux_deviation_qualities_beat_the_objects_they_mention()
    {
        Assert.Equal("no", Ask(SceneOf("flux-pro-1.1", Dewdrop), new("fern", "Is the leaf a serrated fern frond (not a succulent or a generic leaf)?")).Answer);
        Assert.Equal("yes", Ask(SceneOf("gpt-image-2", Dewdrop), new("fern", "Is the leaf a serrated fern frond (not a succulent or a generic leaf)?")).Answer);
        Assert.Equal("no", Ask(SceneOf("gpt-image-2", Dewdrop), new("rainbow", "Is there rainbow refraction inside the dewdrop?")).Answer);
        Assert.Equal("no", Ask(SceneOf("flux-pro-1.1", Cottage), new("style", "Is the image pixel-art?")).Answer);
        Assert.Equal("no", Ask(SceneOf("flux-pro-1.1", Poster), new("line", "Is \"MORNING BREW\" on a single line?")).Answer);
        Assert.Equal("unsure", Ask(SceneOf("gpt-image-2", Blacksmith), new("light", "Is there a Rembrandt triangle on the right cheek?")).Answer);
    }

    [Fact]
    public void Needles_and_fingers_are_counted_against_the_right_object()
    {
        var flux = SceneOf("flux-pro-1.1", Hands);
        Assert.Equal(new JudgeAnswer("needle", "no", null), Ask(flux, new("needle", "Is there exactly one needle?")) with { Count = null });
        Assert.Equal(2, Ask(flux, new("needle", "Is there exactly one needle?")).Count);
        // Ten fingers drawn over two hands: "five on each hand" holds.
        Assert.Equal("yes", Ask(SceneOf("gpt-image-2", Hands), new("fingers", "Does each hand have exactly five fingers?")).Answer);
    }

    /// <summary>Questions worded the way a checklist derived from suites/seed-six.yaml words them.</summary>
    [Theory]
    [InlineData("flux-pro-1.1", Poster, "Is the watercolor coffee cup in the lower right?", null, "no")]
    [InlineData("gpt-image-2", Poster, "Is the watercolor coffee cup in the lower right?", null, "yes")]
    [InlineData("flux-pro-1.1", Cottage, "Does the image's style match \"pixel-art\"?", null, "no")]
    [InlineData("gpt-image-2", Cottage, "Is the wooden bench beside the door?", null, "no")]
    [InlineData("gpt-image-2", Cottage, "Is there exactly one wooden bench?", "wooden bench", "no")]
    [InlineData("flux-pro-1.1", Hands, "Does the image show this action: the thread is being passed through the eye of the one needle?", null, "no")]
    [InlineData("gpt-image-2", Hands, "Does the image show this action: the thread is being passed through the eye of the one needle?", null, "yes")]
    [InlineData("gpt-image-2", Hands, "Are there exactly two adult hands?", "adult hand", "yes")]
    [InlineData("flux-pro-1.1", Bakery, "Is there exactly one sprig of rosemary?", "sprig of rosemary", "unsure")]
    [InlineData("flux-pro-1.1", Bakery, "Is the brown egg in a linen napkin?", null, "no")]
    [InlineData("gpt-image-2", Blacksmith, "Does the lighting match \"single soft key light from camera-left, Rembrandt triangle on the right cheek, deep black background\"?", null, "unsure")]
    [InlineData("flux-pro-1.1", Blacksmith, "Does the lighting match \"single soft key light from camera-left, Rembrandt triangle on the right cheek, deep black background\"?", null, "yes")]
    [InlineData("flux-pro-1.1", Dewdrop, "Is the dewdrop hanging from the fern frond?", null, "yes")]
    public void Checklist_style_questions_follow_the_article(string model, string prompt, string question, string? countOf, string expected) =>
        Assert.Equal(expected, Ask(SceneOf(model, prompt), new("q", question, countOf)).Answer);

    [Fact]
    public void Questions_it_cannot_tie_to_the_scene_are_yes_and_the_observation_says_so()
    {
        var reply = EmulatedJudge.Answer(SceneOf("gpt-image-2", Bakery), [new("bowl", "Is there a copper bowl with a whisk?")], "image", 0, noiseRate: 0);
        Assert.Equal("yes", reply.Answers.Single().Answer);
        Assert.StartsWith("Emulated judge:", reply.Observation, StringComparison.Ordinal);
        Assert.Contains("only knows what the emulator drew", reply.Observation, StringComparison.Ordinal);
        Assert.Contains("3 × croissants", reply.Observation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_it_did_not_draw_gets_unsure_everywhere()
    {
        var reply = EmulatedJudge.Answer(null, [new("a", "Is there a cat?"), new("b", "Are there exactly 2 dogs?", "dog")], "image", 0);
        Assert.All(reply.Answers, a => Assert.Equal("unsure", a.Answer));
        Assert.Contains("not drawn by this emulator", reply.Observation, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_noise_is_about_five_percent_unsure_and_reproducible()
    {
        var scene = SceneOf("gpt-image-2", Bakery);
        var questions = Enumerable.Range(0, 50).Select(i => new JudgeQuestion($"q{i}", "Are there exactly three croissants?", "croissant")).ToList();
        var answers = Enumerable.Range(0, 40).SelectMany(sample => EmulatedJudge.Answer(scene, questions, "key", sample).Answers).ToList();
        var unsure = answers.Count(a => a.Answer == "unsure") / (double)answers.Count;
        Assert.InRange(unsure, 0.03, 0.07);
        Assert.Equal(EmulatedJudge.Answer(scene, questions, "key", 7).Answers, EmulatedJudge.Answer(scene, questions, "key", 7).Answers);
    }
}
