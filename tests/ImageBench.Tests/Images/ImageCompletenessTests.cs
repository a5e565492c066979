using ImageBench.Images;
using SkiaSharp;

namespace ImageBench.Tests.Images;

public class ImageCompletenessTests
{
    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "png")]
    [InlineData(SKEncodedImageFormat.Jpeg, "jpeg")]
    [InlineData(SKEncodedImageFormat.Webp, "webp")]
    public void Whole_images_pass_and_cut_ones_fail(SKEncodedImageFormat encoding, string format)
    {
        var bytes = ImageBench.Tests.Support.TestImages.Encode(300, 200, encoding);

        Assert.Null(ImageCompleteness.Check(bytes, format));
        Assert.Null(ImageCompleteness.Check([.. bytes, 0, 0, 0], format)); // trailing bytes after the end are tolerated
        foreach (var cut in new[] { bytes.Length / 2, bytes.Length - 1 })
            Assert.Contains("cut short", ImageCompleteness.Check(bytes.AsSpan(0, cut), format), StringComparison.Ordinal);
    }
}
