using System.Buffers.Binary;
using System.Security.Cryptography;
using ImageBench.Images;

namespace ImageBench.Tests.Images;

public sealed class ImageInspectorTests
{
    [Fact]
    public void A_png_reports_its_real_facts()
    {
        var bytes = TestImages.Png(37, 21);

        var inspection = ImageInspector.Inspect(bytes);

        Assert.True(inspection.IsValid, inspection.Error);
        var facts = inspection.Facts!;
        Assert.Equal(("png", 37, 21, (long)bytes.Length), (facts.Format, facts.Width, facts.Height, facts.Bytes));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), facts.Sha256);
        Assert.Matches("^[0-9a-f]{64}$", facts.Sha256);
    }

    [Fact]
    public void A_png_whose_header_claims_10000_by_10000_is_refused()
    {
        var bytes = TestImages.Png(8, 8);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), 10000);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), 10000);
        // A correct CRC, so the decoder check cannot reject it for a bad checksum and must apply the size limit itself.
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(29), Crc32(bytes.AsSpan(12, 17)));

        var inspection = ImageInspector.Inspect(bytes);

        Assert.False(inspection.IsValid);
        Assert.StartsWith("image claims 10000x10000, refusing (limit", inspection.Error, StringComparison.Ordinal);
        Assert.StartsWith("image claims 10000x10000", ImageInspector.VerifyDecodes(bytes) ?? "decoded", StringComparison.Ordinal);
    }

    [Fact]
    public void A_jpeg_frame_header_claiming_65535_by_65535_is_refused()
    {
        byte[] jpeg =
        [
            0xFF, 0xD8,                                     // SOI
            0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, // APP0
            0xFF, 0xC0, 0x00, 0x11, 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, // SOF0
        ];

        var inspection = ImageInspector.Inspect(jpeg);

        Assert.Equal("image claims 65535x65535, refusing (limit 1..16384 per side and under 100 megapixels)", inspection.Error);
    }

    [Fact]
    public void Jpeg_walk_skips_tables_fill_bytes_and_standalone_markers_and_reads_any_sof()
    {
        byte[] jpeg =
        [
            0xFF, 0xD8,
            0xFF, 0xFF, 0xFF, 0xDB, 0x00, 0x04, 0xC0, 0x00, // fill bytes, then DQT whose body contains 0xC0
            0xFF, 0xD0,                                      // standalone RST0
            0xFF, 0xC4, 0x00, 0x06, 0xFF, 0xC0, 0x00, 0x00,  // DHT (C4 is not a frame header) containing FF C0
            0xFF, 0x01,                                      // TEM
            0xFF, 0xCC, 0x00, 0x03, 0x00,                    // DAC (not a frame header)
            0xFF, 0xC2, 0x00, 0x0B, 0x08, 0x01, 0x2C, 0x02, 0x58, 0x01, 1, 0x11, 0, // SOF2: height 300, width 600
        ];

        var inspection = ImageInspector.Inspect(jpeg);

        Assert.True(inspection.IsValid, inspection.Error);
        Assert.Equal(("jpeg", 600, 300), (inspection.Facts!.Format, inspection.Facts.Width, inspection.Facts.Height));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A }, "truncated JPEG")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08 }, "JPEG scan (SOS) starts before any frame header (SOF)")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 }, "JPEG ends (EOI) before any frame header (SOF)")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01 }, "truncated JPEG frame header (SOF0)")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48 }, "truncated PNG: 14 bytes, the IHDR header needs 24")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38 }, "truncated WebP")]
    [InlineData(new byte[] { (byte)'<', (byte)'h', (byte)'t', (byte)'m', (byte)'l', (byte)'>' }, "unknown image format: first bytes 3C68746D6C3E (looks like HTML")]
    [InlineData(new byte[] { (byte)'{', (byte)'"' }, "unknown image format: first bytes 7B22 (looks like JSON")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a' }, "unknown image format: first bytes 474946383961 (GIF")]
    [InlineData(new byte[0], "empty body")]
    public void Broken_or_foreign_bytes_get_a_clear_reason(byte[] bytes, string reasonStart)
    {
        var inspection = ImageInspector.Inspect(bytes);

        Assert.Null(inspection.Facts);
        Assert.StartsWith(reasonStart, inspection.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_sized_header_is_refused()
    {
        var bytes = TestImages.Png(4, 4);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), 0);

        Assert.StartsWith("image claims 0x4, refusing", ImageInspector.Inspect(bytes).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_is_an_error_not_an_exception()
    {
        Assert.Equal("no image bytes (null)", ImageInspector.Inspect((byte[])null!).Error);
        Assert.NotNull(ImageInspector.VerifyDecodes(null!));
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("webp")]
    public void A_whole_image_decodes_but_a_truncated_body_does_not(string format)
    {
        var bytes = format switch
        {
            "png" => TestImages.Png(64, 48),
            "jpeg" => TestImages.Jpeg(64, 48),
            _ => TestImages.WebpLossy(64, 48),
        };
        var truncated = bytes[..(bytes.Length * 2 / 3)];

        Assert.Null(ImageInspector.VerifyDecodes(bytes));
        Assert.True(ImageInspector.Inspect(truncated).IsValid, "the header alone is intact");
        Assert.NotNull(ImageInspector.VerifyDecodes(truncated));
    }

    [Fact]
    public void Garbage_does_not_decode()
    {
        Assert.StartsWith("cannot decode image", ImageInspector.VerifyDecodes("not an image at all"u8.ToArray()), StringComparison.Ordinal);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
