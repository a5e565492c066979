using System.Buffers.Binary;

namespace ImageBench.Images;

/// <summary>
/// JPEG: walks the marker segments from SOI to the first start-of-frame (SOF0–SOF15 except DHT C4, JPG C8 and
/// DAC CC), skipping each segment by its length and never reading entropy-coded data.
/// </summary>
internal static class JpegHeader
{
    private const byte Sos = 0xDA;
    private const byte Eoi = 0xD9;

    public static bool Matches(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xD8;

    public static HeaderRead Read(ReadOnlySpan<byte> bytes)
    {
        var position = 2;
        while (true)
        {
            // Like libjpeg, tolerate stray bytes before a marker: some encoders leave padding between segments.
            while (position < bytes.Length && bytes[position] != 0xFF) position++;
            // Any number of 0xFF fill bytes may precede a marker code.
            while (position < bytes.Length && bytes[position] == 0xFF) position++;
            if (position >= bytes.Length)
                return HeaderRead.Fail("truncated JPEG: no frame header (SOF) before the data ended");

            var marker = bytes[position++];
            if (IsStandalone(marker)) continue;
            if (marker == Eoi)
                return HeaderRead.Fail("JPEG ends (EOI) before any frame header (SOF)");
            if (marker == Sos)
                return HeaderRead.Fail("JPEG scan (SOS) starts before any frame header (SOF)");

            if (position + 2 > bytes.Length)
                return HeaderRead.Fail($"truncated JPEG: segment FF{marker:X2} at offset {position - 2} has no length");
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[position..]);
            if (length < 2)
                return HeaderRead.Fail($"JPEG segment FF{marker:X2} at offset {position - 2} has invalid length {length}");

            if (IsStartOfFrame(marker))
            {
                // length(2) precision(1) height(2) width(2)
                if (length < 8 || position + 7 > bytes.Length)
                    return HeaderRead.Fail($"truncated JPEG frame header (SOF{marker - 0xC0})");
                var height = BinaryPrimitives.ReadUInt16BigEndian(bytes[(position + 3)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(bytes[(position + 5)..]);
                return HeaderRead.Size(width, height);
            }
            position += length;
        }
    }

    // TEM, RST0–RST7 and a repeated SOI carry no length field.
    private static bool IsStandalone(byte marker) => marker is 0x01 or (>= 0xD0 and <= 0xD8);

    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);
}
