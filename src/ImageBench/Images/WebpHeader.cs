using System.Buffers.Binary;

namespace ImageBench.Images;

/// <summary>
/// WebP: a RIFF container whose first chunk says the flavour. VP8 (lossy) keeps 14-bit sizes in its key-frame
/// header, VP8L (lossless) packs 14-bit size-minus-one fields into 4 bytes, VP8X (extended) holds the 24-bit
/// size-minus-one of the canvas.
/// </summary>
internal static class WebpHeader
{
    // "RIFF" size "WEBP" then the first chunk's fourcc and size; chunk data starts at 20.
    private const int ChunkData = 20;

    public static bool Matches(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes.Slice(8, 4).SequenceEqual("WEBP"u8);

    public static HeaderRead Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < ChunkData)
            return HeaderRead.Fail($"truncated WebP: {bytes.Length} bytes, the first chunk header needs {ChunkData}");
        var chunk = bytes.Slice(12, 4);
        var data = bytes[ChunkData..];
        if (chunk.SequenceEqual("VP8 "u8)) return ReadLossy(data);
        if (chunk.SequenceEqual("VP8L"u8)) return ReadLossless(data);
        if (chunk.SequenceEqual("VP8X"u8)) return ReadExtended(data);
        return HeaderRead.Fail($"WebP starts with an unknown chunk '{Printable(chunk)}' (expected VP8, VP8L or VP8X)");
    }

    private static HeaderRead ReadLossy(ReadOnlySpan<byte> data)
    {
        // frame tag (3) start code (3) width (2) height (2)
        if (data.Length < 10) return HeaderRead.Fail("truncated WebP VP8 frame header");
        if ((data[0] & 1) != 0) return HeaderRead.Fail("WebP VP8 data does not start with a key frame");
        if (data[3] != 0x9D || data[4] != 0x01 || data[5] != 0x2A)
            return HeaderRead.Fail("WebP VP8 frame header has no start code (9D 01 2A)");
        // The top two bits of each field are an upscaling hint, not part of the size.
        var width = BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFF;
        var height = BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFF;
        return HeaderRead.Size(width, height);
    }

    private static HeaderRead ReadLossless(ReadOnlySpan<byte> data)
    {
        if (data.Length < 5) return HeaderRead.Fail("truncated WebP VP8L header");
        if (data[0] != 0x2F) return HeaderRead.Fail($"WebP VP8L signature is 0x{data[0]:X2}, expected 0x2F");
        var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
        if (bits >> 29 != 0) return HeaderRead.Fail($"WebP VP8L version {bits >> 29} is not 0");
        return HeaderRead.Size((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
    }

    private static HeaderRead ReadExtended(ReadOnlySpan<byte> data)
    {
        // flags (1) reserved (3) canvas width-1 (3) canvas height-1 (3)
        if (data.Length < 10) return HeaderRead.Fail("truncated WebP VP8X header");
        return HeaderRead.Size(ReadUInt24(data[4..]) + 1L, ReadUInt24(data[7..]) + 1L);
    }

    private static int ReadUInt24(ReadOnlySpan<byte> b) => b[0] | (b[1] << 8) | (b[2] << 16);

    private static string Printable(ReadOnlySpan<byte> fourcc)
    {
        Span<char> chars = stackalloc char[fourcc.Length];
        for (var i = 0; i < fourcc.Length; i++)
            chars[i] = fourcc[i] is >= 0x20 and < 0x7F ? (char)fourcc[i] : '?';
        return new string(chars);
    }
}
