using CsCheck;
using ImageBench.Images;
using ImageBench.Web.Images;

namespace ImageBench.Tests.Web.Images;

public sealed class ThumbnailerTests
{
    [Fact]
    public void A_thumbnail_fits_the_box_keeps_the_ratio_and_never_grows() =>
        Gen.Select(Gen.Int[1, 8000], Gen.Int[1, 8000]).Sample((width, height) =>
        {
            var (w, h) = Thumbnailer.Fit(width, height);
            Assert.True(h <= Math.Min(height, Thumbnailer.Height) || h == 1);
            Assert.True(w <= Math.Min(width, Thumbnailer.MaxWidth) || w == 1);
            Assert.True(w == width && h == height || h == Thumbnailer.Height || w == Thumbnailer.MaxWidth || w == 1 || h == 1);
            // Rounding moves each side by at most half a pixel; a side floored to one pixel (a 5×7919 sliver) cannot keep the ratio.
            if (w > 1 && h > 1) Assert.InRange(w * (double)height - h * (double)width, -(width + height) / 2.0 - 1, (width + height) / 2.0 + 1);
        });

    [Theory]
    [InlineData(1536, 1024, 576, 384)]
    [InlineData(1024, 1536, 256, 384)]
    [InlineData(300, 200, 300, 200)]
    [InlineData(4000, 500, 1152, 144)]
    public void Makes_a_webp_of_the_fitted_size(int width, int height, int expectedWidth, int expectedHeight)
    {
        var thumbnail = Thumbnailer.Make(RunBuilder.Picture(width, height, 1))!;
        var facts = ImageInspector.Inspect(thumbnail).Facts!;
        Assert.Equal(("webp", expectedWidth, expectedHeight), (facts.Format, facts.Width, facts.Height));
    }

    [Fact]
    public void Garbage_and_decompression_bombs_make_no_thumbnail()
    {
        Assert.Null(Thumbnailer.Make("<html>not an image</html>"u8.ToArray()));
        Assert.Null(Thumbnailer.Make(Support.TestImages.PngClaiming(100_000, 100_000)));
    }
}
