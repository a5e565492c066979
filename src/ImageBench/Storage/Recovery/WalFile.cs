using System.Buffers.Binary;
using System.Numerics;

namespace ImageBench.Storage.Recovery;

/// <summary>
/// Checks a SQLite write-ahead log (<c>imagebench.db-wal</c>) without SQLite. SQLite trusts a log up to the first
/// frame whose salt or checksum is wrong and silently ignores the rest — all of it when the header is wrong — then
/// overwrites or deletes the log the next time it writes. A store with such a log opens "fine" with its latest
/// attempts gone, and a resumed run pays for them again; so the log is checked before SQLite opens the store.
/// </summary>
/// <remarks>
/// Format (https://www.sqlite.org/fileformat2.html#walformat): a 32-byte header (magic, version, page size, salts,
/// checksum), then frames of a 24-byte header (page number, database size for a commit frame, salts, checksum) and
/// one page. Each frame's checksum continues the previous one's. A torn tail — frames after the last commit that
/// do not check out — is what a crash leaves and loses nothing committed, so it is not damage. Damage is a bad
/// header, or a commit frame after the break whose checksum continues its predecessor's stored one: a committed
/// transaction that SQLite would drop.
/// </remarks>
internal static class WalFile
{
    private const int HeaderSize = 32;
    private const int FrameHeaderSize = 24;
    private const uint MagicLittleEndian = 0x377f0682;
    private const uint MagicBigEndian = 0x377f0683;
    private const uint FormatVersion = 3007000;

    /// <returns>Why SQLite would lose committed data from this log, or null when it would not (or there is no log).</returns>
    public static string? FindDamage(string path)
    {
        // A writer restarting the log rewrites its header while we read; a changed header means read again.
        for (var attempt = 1; ; attempt++)
        {
            var (damage, header) = Scan(path);
            if (damage is null || attempt == 3 || ReadHeader(path).AsSpan().SequenceEqual(header)) return damage;
        }
    }

    private static (string? Damage, byte[] Header) Scan(string path)
    {
        using var stream = Open(path);
        if (stream is null) return (null, []);
        var header = new byte[HeaderSize];
        if (stream.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) < HeaderSize)
            return (null, header); // shorter than its header: nothing was ever committed into it

        var magic = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (magic is not (MagicLittleEndian or MagicBigEndian)) return ("its header is not a write-ahead log header", header);
        var bigEndian = magic == MagicBigEndian;
        if (BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4)) != FormatVersion) return ("its header has an unknown format version", header);
        var pageSize = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(8));
        if (pageSize is < 512 or > 65536 || !BitOperations.IsPow2(pageSize)) return ($"its header gives an impossible page size ({pageSize})", header);
        var previous = Sum(header.AsSpan(0, 24), bigEndian, (0, 0));
        if (previous != Stored(header, 24)) return ("its header checksum does not match", header);

        var salts = header.AsSpan(16, 8).ToArray();
        var frame = new byte[FrameHeaderSize + pageSize];
        long number = 0, brokenAt = 0;
        var lostCommits = 0;
        while (stream.ReadAtLeast(frame, frame.Length, throwOnEndOfStream: false) == frame.Length)
        {
            number++;
            var stored = Stored(frame, 16);
            var ours = frame.AsSpan(8, 8).SequenceEqual(salts) && BinaryPrimitives.ReadUInt32BigEndian(frame) != 0;
            var continues = ours && Sum(frame.AsSpan(FrameHeaderSize), bigEndian, Sum(frame.AsSpan(0, 8), bigEndian, previous)) == stored;
            if (brokenAt == 0 && !continues) brokenAt = number;
            else if (brokenAt != 0 && continues && BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(4)) != 0) lostCommits++;
            previous = stored;
        }
        return lostCommits == 0
            ? (null, header)
            : ($"frame {brokenAt} is damaged and {lostCommits} committed transaction{(lostCommits == 1 ? "" : "s")} after it would be dropped", header);
    }

    private static byte[] ReadHeader(string path)
    {
        using var stream = Open(path);
        var header = new byte[HeaderSize];
        return stream is not null && stream.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) == HeaderSize ? header : [];
    }

    private static FileStream? Open(string path)
    {
        try
        {
            // Another process may be writing the live store: read around it, never lock it.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static (uint, uint) Stored(byte[] bytes, int offset) =>
        (BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset)), BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset + 4)));

    /// <summary>SQLite's WAL checksum: Fibonacci-weighted sums of 32-bit words in the byte order the magic names.</summary>
    private static (uint, uint) Sum(ReadOnlySpan<byte> data, bool bigEndian, (uint, uint) seed)
    {
        var (s0, s1) = seed;
        for (var i = 0; i + 8 <= data.Length; i += 8)
        {
            var x0 = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data[i..]) : BinaryPrimitives.ReadUInt32LittleEndian(data[i..]);
            var x1 = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data[(i + 4)..]) : BinaryPrimitives.ReadUInt32LittleEndian(data[(i + 4)..]);
            unchecked
            {
                s0 += x0 + s1;
                s1 += x1 + s0;
            }
        }
        return (s0, s1);
    }
}
