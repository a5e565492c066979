using CsCheck;
using ImageBench.Images;

namespace ImageBench.Tests.Images;

public sealed class ImageInspectorPropertyTests
{
    private static readonly byte[][] Magics =
    [
        [],
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'],
        [0xFF, 0xD8],
        [0xFF, 0xD8, 0xFF],
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P', (byte)'V', (byte)'P', (byte)'8', (byte)' '],
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P', (byte)'V', (byte)'P', (byte)'8', (byte)'L'],
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P', (byte)'V', (byte)'P', (byte)'8', (byte)'X'],
    ];

    [Fact]
    public void Random_bytes_behind_any_magic_never_throw_and_valid_results_respect_the_limits()
    {
        // Bytes biased towards 0xFF and marker codes so the JPEG walk meets many markers, not just noise.
        var interesting = Gen.OneOf(Gen.Byte, Gen.Byte, Gen.Const((byte)0xFF), Gen.Byte[0xC0, 0xDA]);
        var gen = Gen.Select(Gen.Int[0, Magics.Length - 1], interesting.Array[0, 64]);

        gen.Sample((magic, tail) =>
        {
            byte[] bytes = [.. Magics[magic], .. tail];
            var inspection = ImageInspector.Inspect(bytes);
            Assert.True(inspection.IsValid ^ inspection.Error is not null);
            if (inspection.Facts is { } facts)
            {
                Assert.InRange(facts.Width, 1, ImageLimits.MaxSide);
                Assert.InRange(facts.Height, 1, ImageLimits.MaxSide);
                Assert.True((long)facts.Width * facts.Height < ImageLimits.MaxPixels);
                Assert.Equal(bytes.Length, facts.Bytes);
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Encoded_images_are_read_back_with_their_exact_size()
    {
        var formats = new (string Format, string Chunk, Func<int, int, byte[]> Encode)[]
        {
            ("png", "", TestImages.Png),
            ("jpeg", "", TestImages.Jpeg),
            ("webp", "VP8 ", TestImages.WebpLossy),
            ("webp", "VP8L", TestImages.WebpLossless),
            ("webp", "VP8X", TestImages.WebpExtended),
        };

        Gen.Select(Gen.Int[0, formats.Length - 1], Gen.Int[1, 300], Gen.Int[1, 300]).Sample((f, width, height) =>
        {
            var (format, chunk, encode) = formats[f];
            var bytes = encode(width, height);
            if (chunk.Length > 0)
                Assert.Equal(chunk, System.Text.Encoding.ASCII.GetString(bytes, 12, 4)); // the flavour this case means to cover

            var inspection = ImageInspector.Inspect(bytes);

            Assert.True(inspection.IsValid, inspection.Error);
            Assert.Equal((format, width, height), (inspection.Facts!.Format, inspection.Facts.Width, inspection.Facts.Height));
        }, iter: 100, threads: 1);
    }
}
