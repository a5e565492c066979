using ImageBench.Emulator;
using ImageBench.Emulator.Rendering;
using SkiaSharp;
using Xunit.Abstractions;
using static ImageBench.Tests.Emulator.EmulatorFixture;

namespace ImageBench.Tests.Emulator;

public sealed class ImageRenderingTests(ITestOutputHelper output)
{
    private static byte[] Render(string format, int? target = null) => PosterRenderer.Render(
        new RenderRequest("HELLO", 1, 1024, 1024, format, 90, target));

    [Fact]
    public void Formats_have_realistic_sizes_png_largest()
    {
        var sizes = new[] { "png", "jpeg", "webp" }.ToDictionary(f => f, f => Render(f));
        foreach (var (format, bytes) in sizes)
        {
            output.WriteLine($"{format}: {bytes.Length:N0} bytes");
            Assert.Equal(format, FormatOf(bytes));
        }
        Assert.True(sizes["png"].Length > 2 * sizes["jpeg"].Length);
        Assert.True(sizes["png"].Length > 2 * sizes["webp"].Length);
        Assert.True(sizes["jpeg"].Length > 50_000); // grain keeps it from compressing to nothing
    }

    [Fact]
    public void Text_is_actually_drawn_with_the_embedded_font()
    {
        // With an empty typeface the text band stays a flat panel; with a real font it has dark ink pixels.
        using var bitmap = SKBitmap.Decode(Render("png"));
        int dark = 0;
        for (int y = 0; y < bitmap.Height; y += 2)
        {
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                var c = bitmap.GetPixel(x, y);
                dark += c.Red < 40 && c.Green < 40 && c.Blue < 50 ? 1 : 0;
            }
        }
        Assert.True(dark > 2000, $"only {dark} ink pixels");
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("webp")]
    public void Padding_reaches_the_target_and_the_image_still_decodes(string format)
    {
        var bytes = Render(format, 1_000_000);
        Assert.InRange(bytes.Length, 990_000, 1_010_000);
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.Equal(1024, bitmap.Width);
    }

    [Fact]
    public async Task Requested_size_is_honoured()
    {
        var factory = new ImageFactory(EmulatorOptions.ArticleDefaults(0));
        var image = await factory.RenderAsync("gpt-image-2", "x", 1536, 1024, "jpeg", 80);
        using var codec = SKCodec.Create(new MemoryStream(image.Bytes));
        Assert.Equal((1536, 1024), (codec.Info.Width, codec.Info.Height));
    }

    [Fact]
    public async Task The_same_image_is_drawn_once_and_served_from_the_cache()
    {
        var factory = new ImageFactory(EmulatorOptions.ArticleDefaults(0));
        var first = await factory.RenderAsync("flux-pro-1.1", "a \"SIGN\"", 256, 256, "webp", 90);
        var second = await factory.RenderAsync("flux-pro-1.1", "a \"SIGN\"", 256, 256, "webp", 90);
        await factory.RenderAsync("flux-pro-1.1", "another \"SIGN\"", 256, 256, "webp", 90);

        Assert.Same(first.Bytes, second.Bytes);
        Assert.Equal(2, factory.RendersStarted);
    }
}
