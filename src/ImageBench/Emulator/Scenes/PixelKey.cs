using System.Buffers.Binary;
using System.Security.Cryptography;
using ImageBench.Scoring;

namespace ImageBench.Emulator.Scenes;

/// <summary>
/// An image's identity by its decoded pixels, not its bytes: the judge receives a PNG re-encoded from the
/// scorer's decoded RGBA (metadata stripped), so the file differs from what the emulator served but the pixels,
/// decoded exactly as <see cref="ScoringImage.Load"/> does, do not.
/// </summary>
internal static class PixelKey
{
    public static string Of(ScoringImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> size = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(size, image.Width);
        BinaryPrimitives.WriteInt32LittleEndian(size[4..], image.Height);
        sha.AppendData(size);
        sha.AppendData(image.Rgba);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>The key of an encoded image, or null when it does not decode.</summary>
    public static string? Of(byte[] encoded) => ScoringImage.Load(encoded, out _) is { } image ? Of(image) : null;
}
