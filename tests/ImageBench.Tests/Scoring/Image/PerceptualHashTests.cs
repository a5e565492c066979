using CsCheck;
using ImageBench.Scoring.Image;
using SkiaSharp;

namespace ImageBench.Tests.Scoring.Image;

public sealed class PerceptualHashTests
{
    private static byte[] Scene(int seed, int side) => SyntheticImages.Draw(side, side, c =>
    {
        var random = new Random(seed);
        c.Clear(new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        using var paint = new SKPaint { IsAntialias = true };
        for (int i = 0; i < 8; i++)
        {
            paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            // Positions relative to the side so the same seed draws the same picture at any size.
            c.DrawCircle((float)random.NextDouble() * side, (float)random.NextDouble() * side, (float)(0.05 + random.NextDouble() * 0.3) * side, paint);
        }
    });

    [Fact]
    public void Identical_images_hash_the_same()
    {
        var a = PerceptualHash.Of(Load.Image(Scene(1, 256)));
        var b = PerceptualHash.Of(Load.Image(Scene(1, 256)));
        Assert.Equal(0, PerceptualHash.Distance(a, b));
    }

    [Fact]
    public void Resized_and_recompressed_copy_is_close()
    {
        var original = PerceptualHash.Of(Load.Image(Scene(2, 1024)));
        using var bitmap = SKBitmap.Decode(Scene(2, 1024));
        using var small = bitmap.Resize(new SKImageInfo(384, 384), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var image = SKImage.FromBitmap(small);
        var copy = PerceptualHash.Of(Load.Image(SyntheticImages.Encode(image, SKEncodedImageFormat.Jpeg, 75)));
        Assert.InRange(PerceptualHash.Distance(original, copy), 0, 6);
    }

    [Fact]
    public void Different_images_are_far_apart()
    {
        var hashes = Enumerable.Range(10, 6).Select(seed => PerceptualHash.Of(Load.Image(Scene(seed, 256)))).ToList();
        for (int i = 0; i < hashes.Count; i++)
        {
            for (int j = i + 1; j < hashes.Count; j++)
                Assert.True(PerceptualHash.Distance(hashes[i], hashes[j]) >= 12, $"scenes {i} and {j}: {PerceptualHash.Distance(hashes[i], hashes[j])}");
        }
        Assert.True(SeedDiversity.MeanHammingDistance(hashes) >= 20);
    }

    [Fact]
    public void Seed_diversity_is_the_mean_pairwise_distance()
    {
        Assert.Null(SeedDiversity.MeanHammingDistance([]));
        Assert.Null(SeedDiversity.MeanHammingDistance([0xFFUL]));
        // Distances: (0,0xF)=4, (0,0xFF)=8, (0xF,0xFF)=4 → mean 16/3.
        Assert.Equal(16.0 / 3, SeedDiversity.MeanHammingDistance([0UL, 0xFUL, 0xFFUL])!.Value, 9);
        Assert.Equal(0, SeedDiversity.MeanHammingDistance([42UL, 42UL, 42UL]));
    }

    [Fact]
    public void Hash_distance_is_symmetric_and_zero_only_on_equal_hashes()
    {
        Gen.Select(Gen.ULong, Gen.ULong).Sample((a, b) =>
            PerceptualHash.Distance(a, b) == PerceptualHash.Distance(b, a)
            && (PerceptualHash.Distance(a, b) == 0) == (a == b)
            && PerceptualHash.Distance(a, b) <= 64);
    }
}
