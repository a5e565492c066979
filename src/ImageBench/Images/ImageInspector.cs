using System.Security.Cryptography;
using ImageBench.Attempts;
using SkiaSharp;

namespace ImageBench.Images;

/// <summary>
/// Reads what an image really is from its bytes: format from magic bytes, size from the header alone, byte count
/// and SHA-256. It never trusts the provider's content type, never throws and never allocates by a claimed size,
/// so garbage, HTML error pages and decompression bombs become an <see cref="ImageInspection.Error"/>.
/// </summary>
public static class ImageInspector
{
    public static ImageInspection Inspect(byte[] bytes) =>
        bytes is null ? Fail("no image bytes (null)") : Inspect(bytes.AsSpan());

    public static ImageInspection Inspect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return Fail("empty body: 0 bytes, not an image");

        string format;
        HeaderRead header;
        if (PngHeader.Matches(bytes)) (format, header) = ("png", PngHeader.Read(bytes));
        else if (JpegHeader.Matches(bytes)) (format, header) = ("jpeg", JpegHeader.Read(bytes));
        else if (WebpHeader.Matches(bytes)) (format, header) = ("webp", WebpHeader.Read(bytes));
        else return Fail(DescribeUnknown(bytes));

        if (header.Error is not null) return Fail(header.Error);
        if (ImageLimits.Check(header.Width, header.Height) is { } refusal) return Fail(refusal);

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return new ImageInspection(new ImageFacts(format, (int)header.Width, (int)header.Height, bytes.Length, sha256), null);
    }

    /// <summary>
    /// Decodes the whole image with SkiaSharp and returns why it fails, or null when every pixel decodes. Catches
    /// images whose header is fine but whose body is truncated or corrupt. The size is checked against
    /// <see cref="ImageLimits"/> from the codec's header info before any pixel memory is allocated.
    /// </summary>
    public static string? VerifyDecodes(byte[] bytes)
    {
        if (bytes is null || bytes.Length == 0) return "no image bytes to decode";
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var codec = SKCodec.Create(stream, out var createResult);
            if (codec is null) return $"cannot decode image: {Describe(createResult)}";

            var info = codec.Info;
            if (ImageLimits.Check(info.Width, info.Height) is { } refusal) return refusal;

            var target = new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
            using var bitmap = new SKBitmap(target);
            var result = codec.GetPixels(target, bitmap.GetPixels());
            return result == SKCodecResult.Success ? null : $"image does not decode: {Describe(result)}";
        }
        // Skia reports through result codes; an exception here is a binding failure, still reported, never thrown.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"image does not decode: {e.GetType().Name}: {e.Message}";
        }
    }

    private static string Describe(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput => "image data is truncated (incomplete input)",
        SKCodecResult.ErrorInInput => "image data is corrupt (error in input)",
        SKCodecResult.InvalidInput => "not a decodable image (invalid input)",
        _ => result.ToString(),
    };

    private static string DescribeUnknown(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 8)];
        var hex = Convert.ToHexString(head);
        var first = bytes.TrimStart(" \t\r\n"u8);
        var hint = first.IsEmpty ? "" : first[0] switch
        {
            (byte)'<' => " (looks like HTML or XML, e.g. an error page)",
            (byte)'{' or (byte)'[' => " (looks like JSON, e.g. an error body)",
            _ when bytes.StartsWith("GIF8"u8) => " (GIF, which ImageBench does not accept)",
            _ => "",
        };
        return $"unknown image format: first bytes {hex}{hint}; expected PNG, JPEG or WebP";
    }

    private static ImageInspection Fail(string error) => new(null, error);
}
