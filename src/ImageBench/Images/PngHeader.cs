using System.Buffers.Binary;

namespace ImageBench.Images;

/// <summary>PNG: the 8-byte signature, then the IHDR chunk, which the spec requires to come first.</summary>
internal static class PngHeader
{
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> Ihdr => "IHDR"u8;

    // signature (8) + chunk length (4) + chunk type (4) + width (4) + height (4)
    private const int NeededBytes = 24;

    public static bool Matches(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    public static HeaderRead Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < NeededBytes)
            return HeaderRead.Fail($"truncated PNG: {bytes.Length} bytes, the IHDR header needs {NeededBytes}");
        var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[8..]);
        if (!bytes.Slice(12, 4).SequenceEqual(Ihdr))
            return HeaderRead.Fail("PNG does not start with an IHDR chunk");
        if (length != 13)
            return HeaderRead.Fail($"PNG IHDR chunk has length {length}, expected 13");
        return HeaderRead.Size(BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]));
    }
}
