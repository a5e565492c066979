using CsCheck;
using ImageBench.Storage.Recovery;

namespace ImageBench.Tests.Storage.Recovery;

/// <summary>
/// The write-ahead log check against logs SQLite really wrote: damage that would make SQLite drop commits is found,
/// what a crash normally leaves (a torn tail, a log shorter than its header) is not.
/// </summary>
public sealed class WalFileTests : IDisposable
{
    private const int Commits = 8;
    private readonly TempRunDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Wal => StoreDamage.StorePath(_dir.Path) + "-wal";

    /// <summary>A store whose log holds <see cref="Commits"/> committed transactions, one row (a page or more) each.</summary>
    private async Task<long> LogWithCommitsAsync()
    {
        await StoreDamageTests.WriteSmallRunAsync(_dir.Path);
        await StoreDamage.LeaveInLogAsync(_dir.Path, async () =>
        {
            for (var i = 0; i < Commits; i++)
                await StoreDamage.ExecuteAsync(StoreDamage.StorePath(_dir.Path), $"INSERT INTO scores VALUES ('{i}', 's', '1', 'e', '{new string('x', 3000)}');");
        });
        return new FileInfo(Wal).Length;
    }

    [Fact]
    public async Task A_log_sqlite_wrote_is_sound()
    {
        await LogWithCommitsAsync();

        Assert.Null(WalFile.FindDamage(Wal));
    }

    [Fact]
    public async Task A_garbled_header_is_damage()
    {
        await LogWithCommitsAsync();
        StoreDamage.GarbleLog(_dir.Path, offset: 0, count: 32);

        Assert.Contains("header", WalFile.FindDamage(Wal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_with_a_wrong_checksum_is_damage()
    {
        await LogWithCommitsAsync();
        StoreDamage.GarbleLog(_dir.Path, offset: 12, count: 4); // the checkpoint sequence: only the checksum can tell

        Assert.Equal("its header checksum does not match", WalFile.FindDamage(Wal));
    }

    [Fact]
    public async Task A_garbled_page_early_in_the_log_is_damage_because_the_commits_after_it_would_be_dropped()
    {
        await LogWithCommitsAsync();
        StoreDamage.GarbleLog(_dir.Path, offset: 32 + 24 + 100, count: 100); // inside the first frame's page

        var damage = WalFile.FindDamage(Wal);

        Assert.NotNull(damage);
        Assert.StartsWith("frame 1 is damaged and ", damage, StringComparison.Ordinal);
        Assert.EndsWith("committed transactions after it would be dropped", damage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_torn_tail_is_what_a_crash_leaves_and_not_damage()
    {
        var length = await LogWithCommitsAsync();
        using (var wal = new FileStream(Wal, FileMode.Open, FileAccess.Write)) wal.SetLength(length - 1000);
        Assert.Null(WalFile.FindDamage(Wal));

        StoreDamage.GarbleLog(_dir.Path, offset: length - 3000, count: 200); // the last frame, nothing committed after it
        Assert.Null(WalFile.FindDamage(Wal));
    }

    [Fact]
    public async Task A_log_shorter_than_its_header_or_missing_holds_nothing_committed()
    {
        await LogWithCommitsAsync();
        using (var wal = new FileStream(Wal, FileMode.Open, FileAccess.Write)) wal.SetLength(20);
        Assert.Null(WalFile.FindDamage(Wal));

        File.Delete(Wal);
        Assert.Null(WalFile.FindDamage(Wal));
    }

    [Fact]
    public async Task Any_change_to_any_header_byte_is_damage()
    {
        await LogWithCommitsAsync();
        var log = await File.ReadAllBytesAsync(Wal);

        Gen.Select(Gen.Int[0, 31], Gen.Byte[1, 255]).Sample((offset, mask) =>
        {
            var changed = (byte[])log.Clone();
            changed[offset] ^= mask;
            Assert.NotNull(FindDamage(changed));
        });
    }

    [Fact]
    public async Task Any_change_to_a_page_in_a_frame_before_the_last_commit_is_damage()
    {
        await LogWithCommitsAsync();
        var log = await File.ReadAllBytesAsync(Wal);
        var frame = 24 + System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(log.AsSpan(8));
        var frames = (log.Length - 32) / frame;

        // The log ends with its last transaction's commit frame; a page changed before it breaks the chain under a commit.
        Gen.Select(Gen.Int[0, frames - 2], Gen.Int[24, frame - 1], Gen.Byte[1, 255]).Sample((index, offset, mask) =>
        {
            var changed = (byte[])log.Clone();
            changed[32 + (index * frame) + offset] ^= mask;
            Assert.NotNull(FindDamage(changed));
        });
    }

    [Fact]
    public void Any_bytes_at_all_are_judged_without_throwing()
    {
        Gen.Byte.Array[0, 9000].Sample(bytes =>
        {
            FindDamage(bytes);
        });
    }

    /// <summary>The check on these bytes as a log file of their own (samples run in parallel).</summary>
    private string? FindDamage(byte[] log)
    {
        var path = Path.Combine(_dir.Path, Guid.NewGuid().ToString("N") + "-wal");
        File.WriteAllBytes(path, log);
        try { return WalFile.FindDamage(path); }
        finally { File.Delete(path); }
    }
}
