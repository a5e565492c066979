using SkiaSharp;

namespace ImageBench.Tests.Support;

internal static class TestImages
{
    public static byte[] Png(int width = 16, int height = 16) => Encode(width, height, SKEncodedImageFormat.Png);

    public static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(200, 120, 40));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A real PNG whose IHDR claims another size (a decompression-bomb header).</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var bytes = Png();
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        return bytes;
    }
}
