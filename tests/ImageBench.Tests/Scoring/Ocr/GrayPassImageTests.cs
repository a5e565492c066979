using ImageBench.Scoring.Ocr;

namespace ImageBench.Tests.Scoring.Ocr;

public sealed class GrayPassImageTests
{
    private static byte[] Gradient(int width, int height) =>
        Enumerable.Range(0, width * height).Select(i => (byte)(i % width * 255 / (width - 1))).ToArray();

    [Fact]
    public void Full_scale_copies_pixels_inside_a_border_of_the_edge_colour()
    {
        var gray = Enumerable.Repeat((byte)200, 30 * 20).ToArray();
        gray[5 * 30 + 7] = 10;
        var prepared = GrayPassImage.Prepare(gray, 30, 20, new OcrPass(1.0, PageSegmentation.Sparse, false));
        Assert.Equal((50, 40), (prepared.Width, prepared.Height));
        Assert.Equal(10, prepared.Pixels[(5 + GrayPassImage.Border) * 50 + 7 + GrayPassImage.Border]);
        Assert.Equal(200, prepared.Pixels[0]);
        Assert.Equal(new OcrBox(7, 5, 8, 6), prepared.ToOriginal(17, 15, 18, 16));
    }

    [Fact]
    public void Inverted_pass_is_the_negative_including_the_border()
    {
        var gray = Gradient(40, 10);
        var prepared = GrayPassImage.Prepare(gray, 40, 10, new OcrPass(1.0, PageSegmentation.Auto, true));
        for (int x = 0; x < 40; x++)
        {
            Assert.Equal(255 - gray[3 * 40 + x], prepared.Pixels[(3 + GrayPassImage.Border) * 60 + x + GrayPassImage.Border]);
        }
        Assert.InRange(prepared.Pixels[0], 255 - 135, 255 - 120); // the negative of the mid-gray edge mean
    }

    [Fact]
    public void Half_scale_averages_areas_and_maps_boxes_back()
    {
        var gray = new byte[100 * 60];
        for (int y = 0; y < 60; y++) for (int x = 0; x < 100; x++) gray[y * 100 + x] = (byte)((x / 2 + y / 2) % 2 == 0 ? 0 : 200);
        var prepared = GrayPassImage.Prepare(gray, 100, 60, new OcrPass(0.5, PageSegmentation.Sparse, false));
        Assert.Equal((70, 50), (prepared.Width, prepared.Height));
        Assert.Equal(0, prepared.Pixels[GrayPassImage.Border * 70 + GrayPassImage.Border]);
        Assert.Equal(200, prepared.Pixels[GrayPassImage.Border * 70 + GrayPassImage.Border + 1]);
        Assert.Equal(new OcrBox(20, 10, 40, 30), prepared.ToOriginal(20, 15, 30, 25));
    }

    [Fact]
    public void Huge_images_are_read_at_most_at_the_maximum_side()
    {
        var prepared = GrayPassImage.Prepare(new byte[4096 * 100], 4096, 100, new OcrPass(1.0, PageSegmentation.Sparse, false));
        Assert.Equal(GrayPassImage.MaxSide + 2 * GrayPassImage.Border, prepared.Width);
        Assert.Equal(0.5, prepared.Scale);
    }
}
