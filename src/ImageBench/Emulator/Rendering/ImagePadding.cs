using System.Buffers.Binary;
using System.Text;

namespace ImageBench.Emulator.Rendering;

/// <summary>
/// Grows an encoded image to about a target size with container-level padding that decoders skip
/// (a private PNG chunk, JPEG comment segments, bytes after the WebP RIFF), so the pixels stay the same.
/// </summary>
internal static class ImagePadding
{
    public static byte[] PadTo(byte[] encoded, string format, int target)
    {
        int missing = target - encoded.Length;
        if (missing <= 16)
        {
            return encoded;
        }
        return format switch
        {
            "png" => PadPng(encoded, missing),
            "jpeg" => PadJpeg(encoded, missing),
            _ => [.. encoded, .. Filler(missing)],
        };
    }

    private static byte[] Filler(int length)
    {
        var bytes = new byte[Math.Max(0, length)];
        // Not zeros: a transport that compresses must not shrink the padding away.
        ulong x = 0x2545F4914F6CDD1DUL;
        for (int i = 0; i < bytes.Length; i++)
        {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            bytes[i] = (byte)x;
        }
        return bytes;
    }

    private static byte[] PadPng(byte[] png, int missing)
    {
        // "ibPd": lower-case first letter = ancillary, so every decoder may ignore it. Inserted before IEND (last 12 bytes).
        var data = Filler(missing - 12);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes("ibPd", chunk.AsSpan(4));
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return [.. png.AsSpan(0, png.Length - 12), .. chunk, .. png.AsSpan(png.Length - 12)];
    }

    private static byte[] PadJpeg(byte[] jpeg, int missing)
    {
        // COM segments (FF FE, length ≤ 65535 including the two length bytes) right after SOI.
        var segments = new List<byte>(missing + 16);
        while (missing > 4)
        {
            int payload = Math.Min(65533, missing - 4);
            segments.AddRange([0xFF, 0xFE, (byte)((payload + 2) >> 8), (byte)(payload + 2)]);
            segments.AddRange(Filler(payload));
            missing -= payload + 4;
        }
        return [.. jpeg.AsSpan(0, 2), .. segments, .. jpeg.AsSpan(2)];
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }
        return ~crc;
    }
}
