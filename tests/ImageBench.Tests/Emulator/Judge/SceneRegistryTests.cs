using ImageBench.Emulator;
using ImageBench.Emulator.Rendering;
using ImageBench.Emulator.Scenes;
using ImageBench.Tests.Support;
using static ImageBench.Tests.Emulator.Scenes.ArticlePrompts;

namespace ImageBench.Tests.Emulator.Judge;

public sealed class SceneRegistryTests
{
    [Fact]
    public async Task A_served_webp_is_found_again_from_its_reencoded_png_and_each_image_is_hashed_once()
    {
        var images = new ImageFactory(EmulatorOptions.ArticleDefaults(0));
        var bakery = await images.RenderAsync("flux-pro-1.1", Bakery, 192, 192, "webp", 90);
        var cottage = await images.RenderAsync("gpt-image-2", Cottage, 192, 192, "png", 100);
        // The same image asked for again is the cached one: it must not be queued twice.
        await images.RenderAsync("flux-pro-1.1", Bakery, 192, 192, "webp", 90);

        var bakeryKey = PixelKey.Of(JudgeImages.ReencodedPng(bakery.Bytes))!;
        var cottageKey = PixelKey.Of(JudgeImages.ReencodedPng(cottage.Bytes))!;
        Assert.NotEqual(bakeryKey, cottageKey);
        Assert.Equal(Bakery, images.Scenes.Find(bakeryKey)!.Prompt);
        Assert.Equal("gpt-image-2", images.Scenes.Find(cottageKey)!.Model);
        Assert.Null(images.Scenes.Find(PixelKey.Of(TestImages.Png(32, 32))!));
        Assert.Equal(2, images.Scenes.Hashed);
    }

    [Fact]
    public async Task Lookups_hash_only_as_far_as_they_must()
    {
        var images = new ImageFactory(EmulatorOptions.ArticleDefaults(0));
        var first = await images.RenderAsync("gpt-image-2", Dewdrop, 96, 96, "png", 100);
        await images.RenderAsync("gpt-image-2", Hands, 96, 96, "png", 100);

        Assert.NotNull(images.Scenes.Find(PixelKey.Of(first.Bytes)!));
        Assert.Equal(1, images.Scenes.Hashed);
    }
}
