using ImageBench.Emulator;
using ImageBench.Emulator.Scenes;
using static ImageBench.Tests.Emulator.Scenes.ArticlePrompts;

namespace ImageBench.Tests.Emulator.Scenes;

public sealed class SceneBuilderTests
{
    private static Scene Build(string model, string prompt, int seed = 42)
    {
        var options = EmulatorOptions.ArticleDefaults(0);
        return SceneBuilder.Build(model, prompt, options.ProfileFor(model), seed);
    }

    [Fact]
    public void Flux_draws_three_or_four_eggs_and_loses_the_napkin_but_keeps_the_croissants()
    {
        var scene = Build("flux-pro-1.1", Bakery);
        Assert.Contains(scene.Find("brown egg")!.Drawn, new[] { 3, 4 });
        Assert.Equal(0, scene.Find("linen napkin")!.Drawn);
        Assert.Equal(3, scene.Find("croissants")!.Drawn);
        Assert.True(scene.Find("rosemary")!.Unsure);
    }

    [Fact]
    public void The_egg_count_depends_on_the_seed_and_only_on_it()
    {
        var counts = Enumerable.Range(0, 40).Select(seed => Build("flux-pro-1.1", Bakery, seed).Find("brown egg")!.Drawn).ToList();
        Assert.Equal([3, 4], counts.Distinct().Order());
        Assert.Equal(counts, Enumerable.Range(0, 40).Select(seed => Build("flux-pro-1.1", Bakery, seed).Find("brown egg")!.Drawn));
    }

    [Fact]
    public void Gpt_image_2_drops_the_bench_and_draws_the_four_trees()
    {
        var scene = Build("gpt-image-2", Cottage);
        Assert.Equal(0, scene.Find("wooden bench")!.Drawn);
        Assert.Equal(4, scene.Find("autumn maple trees")!.Drawn);
        Assert.Null(scene.Find("pixel"));
    }

    [Fact]
    public void Qualities_without_an_object_become_their_own_entries_only_for_prompts_that_trigger_them()
    {
        Assert.Equal(0, Build("flux-pro-1.1", Dewdrop).Find("serrated")!.Drawn);
        Assert.Equal(0, Build("flux-pro-1.1", Cottage).Find("pixel")!.Drawn);
        Assert.Null(Build("flux-pro-1.1", Bakery).Find("serrated"));
        Assert.True(Build("gpt-image-2", Blacksmith).Find("rembrandt triangle")!.Unsure);
    }

    [Fact]
    public void A_profile_without_deviations_draws_what_was_asked()
    {
        var scene = SceneBuilder.Build("plain", Bakery, new ModelProfile(), 42);
        Assert.All(scene.Objects, o => Assert.Equal(o.Asked, o.Drawn));
        Assert.DoesNotContain(scene.Objects, o => o.Deviates);
    }

    [Fact]
    public void Count_slips_are_off_by_one_at_about_their_rate()
    {
        var profile = new ModelProfile { CountSlipRate = 0.3 };
        var objects = Enumerable.Range(0, 400).SelectMany(seed => SceneBuilder.Build("guess", Bakery, profile, seed).Objects).ToList();
        var slipped = objects.Where(o => o.Drawn != o.Asked).ToList();
        Assert.InRange(slipped.Count / (double)objects.Count, 0.24, 0.36);
        Assert.All(slipped, o => Assert.Equal(1, Math.Abs(o.Drawn - o.Asked!.Value)));
    }
}
