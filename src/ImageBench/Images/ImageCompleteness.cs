using System.Buffers.Binary;

namespace ImageBench.Images;

/// <summary>
/// Whether an image's container is whole: PNG ends with IEND, JPEG with EOI, WebP's RIFF holds all the bytes it
/// declares. It catches the truncated transfer — the failure seen in practice — without decoding, so the runner
/// spends no CPU that would slow other attempts' clocks. Full decoding happens when the image is scored.
/// </summary>
public static class ImageCompleteness
{
    // Some encoders and CDNs leave a few bytes after the end marker; a truncated file has none of the marker.
    private const int TrailerWindow = 1024;

    /// <returns>Null when whole, else why not.</returns>
    public static string? Check(ReadOnlySpan<byte> bytes, string format) => format switch
    {
        "png" => TailContains(bytes, [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]) ? null : "PNG has no IEND chunk: the body was cut short",
        "jpeg" => TailContains(bytes, [0xFF, 0xD9]) ? null : "JPEG has no end-of-image marker: the body was cut short",
        "webp" => Riff(bytes),
        _ => null,
    };

    private static string? Riff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 12) return "WebP is shorter than its RIFF header";
        long declared = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]) + 8L;
        return bytes.Length >= declared ? null : $"WebP declares {declared} bytes but holds {bytes.Length}: the body was cut short";
    }

    private static bool TailContains(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> marker) =>
        bytes[Math.Max(0, bytes.Length - TrailerWindow)..].LastIndexOf(marker) >= 0;
}
