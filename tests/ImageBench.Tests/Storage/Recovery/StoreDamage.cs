using ImageBench.Storage;
using ImageBench.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ImageBench.Tests.Storage.Recovery;

/// <summary>A way a run directory's store gets damaged, what the error line must say about it, and the problem it is.</summary>
internal sealed record DamageKind(string Name, Func<string, Task> Apply, string Says, StoreProblem Problem);

/// <summary>Every way of damaging a store that the store, the CLI and the doctor must recognise, applied to a run directory.</summary>
internal static class StoreDamage
{
    public static readonly IReadOnlyList<DamageKind> Kinds =
    [
        new("truncated", dir => { Truncate(dir, 10_000); return Task.CompletedTask; }, "is damaged (SQLite Error 11", StoreProblem.Damaged),
        new("random-bytes", dir => { RandomBytes(dir); return Task.CompletedTask; }, "is not a SQLite database", StoreProblem.NotAStore),
        new("zero-length", dir => { File.WriteAllBytes(StorePath(dir), []); return Task.CompletedTask; }, "is empty (0 bytes)", StoreProblem.Damaged),
        new("damaged-log", DamagedLogAsync, "its write-ahead log imagebench.db-wal is damaged", StoreProblem.Damaged),
        new("foreign-schema", ForeignAsync, "not an ImageBench store (it has tables customers)", StoreProblem.NotAStore),
        new("newer-version", dir => ExecuteAsync(StorePath(dir), "PRAGMA user_version = 99;"), "store schema version 99", StoreProblem.OtherSchemaVersion),
        new("unreadable-attempt-json", UnreadableAttemptAsync, "attempt_json cannot be read", StoreProblem.Damaged),
        new("unreadable-manifest-json", dir => ExecuteAsync(StorePath(dir), "UPDATE manifest SET manifest_json = '{\"run_id\": 7';"), "the stored manifest cannot be read", StoreProblem.Damaged),
    ];

    public static DamageKind Kind(string name) => Kinds.Single(k => k.Name == name);

    public static string StorePath(string dir) => Path.Combine(dir, SqliteRunStore.FileName);

    public static void Truncate(string dir, long length)
    {
        using var file = new FileStream(StorePath(dir), FileMode.Open, FileAccess.Write);
        file.SetLength(length);
    }

    /// <summary>
    /// Cuts the store file page by page from its end until the cut leaves some of its <paramref name="rows"/> slot
    /// rows readable and loses others; returns the readable attempts (canonical JSON) by the oracle below.
    /// </summary>
    public static async Task<List<string>> CutUntilSomeRowsAreLostAsync(string dir, int rows)
    {
        var whole = await File.ReadAllBytesAsync(StorePath(dir));
        List<string> readable = [];
        for (var cut = whole.Length - 4096; cut > 4096 && (readable.Count == 0 || readable.Count == rows); cut -= 4096)
        {
            await File.WriteAllBytesAsync(StorePath(dir), whole[..cut]);
            readable = await ReadableAttemptRowsAsync(dir, rows);
        }
        Assert.InRange(readable.Count, 1, rows - 1);
        return readable;
    }

    /// <summary>
    /// The oracle, independent of the salvage's search: each rowid the healthy store had, read on its own from a
    /// copy of the damaged file; the attempts whose JSON comes back whole.
    /// </summary>
    public static async Task<List<string>> ReadableAttemptRowsAsync(string dir, int rows)
    {
        using var copy = new TempRunDirectory();
        File.Copy(StorePath(dir), StorePath(copy.Path));
        await using var connection = Open(StorePath(copy.Path));
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA writable_schema = ON;";
            await pragma.ExecuteNonQueryAsync();
        }
        var readable = new List<string>();
        for (var id = 1; id <= rows; id++)
        {
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT attempt_json FROM slots WHERE rowid = {id};";
                if (await command.ExecuteScalarAsync() is string json)
                    readable.Add(SampleRuns.Canonical(System.Text.Json.JsonSerializer.Deserialize<ImageBench.Attempts.Attempt>(json, ResultJson.Compact)!));
            }
            catch (Exception e) when (e is SqliteException or System.Text.Json.JsonException) { }
        }
        return readable;
    }

    /// <summary>The file overwritten with as many random bytes (seeded: the same bytes every run).</summary>
    public static void RandomBytes(string dir)
    {
        var bytes = new byte[new FileInfo(StorePath(dir)).Length];
        new Random(20261123).NextBytes(bytes);
        File.WriteAllBytes(StorePath(dir), bytes);
    }

    /// <summary>A commit left in the write-ahead log (as a crash leaves it), then the log's header overwritten.</summary>
    public static async Task DamagedLogAsync(string dir)
    {
        await LeaveInLogAsync(dir, () => ExecuteAsync(StorePath(dir), "UPDATE manifest SET saved_at = saved_at || ' ';"));
        GarbleLog(dir, offset: 0, count: 32);
    }

    /// <summary>Overwrites bytes of the log with seeded random bytes.</summary>
    public static void GarbleLog(string dir, long offset, int count)
    {
        var garbage = new byte[count];
        new Random(7).NextBytes(garbage);
        using var wal = new FileStream(StorePath(dir) + "-wal", FileMode.Open, FileAccess.Write);
        wal.Position = offset;
        wal.Write(garbage);
    }

    /// <summary>
    /// Runs <paramref name="write"/> while another connection holds the database open, so the commit stays in the
    /// write-ahead log instead of being checkpointed when the writer closes, and leaves the directory as a crash
    /// right after the commit would: the store file as it was, and the log holding the commit.
    /// </summary>
    public static async Task LeaveInLogAsync(string dir, Func<Task> write)
    {
        var db = StorePath(dir);
        await using (var holder = Open(db))
        {
            await holder.OpenAsync();
            // A connection that has read keeps its hold on the log; the writer closing is then not the last one out.
            await using (var read = holder.CreateCommand())
            {
                read.CommandText = "SELECT count(*) FROM sqlite_master;";
                await read.ExecuteScalarAsync();
            }
            await write();
            File.Copy(db, db + ".held", overwrite: true);
            File.Copy(db + "-wal", db + "-wal.held", overwrite: true);
        }
        File.Move(db + ".held", db, overwrite: true);
        File.Move(db + "-wal.held", db + "-wal", overwrite: true);
        File.Delete(db + "-shm");
    }

    public static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = Open(path);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = Open(path);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The bytes of the store and its log, to show a refused store was left exactly as it was.</summary>
    public static async Task<string> FingerprintAsync(string dir)
    {
        var parts = new List<string>();
        foreach (var suffix in new[] { "", "-wal" })
        {
            var path = StorePath(dir) + suffix;
            parts.Add(File.Exists(path) ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(path))) : "none");
        }
        return string.Join("/", parts);
    }

    private static async Task ForeignAsync(string dir)
    {
        File.Delete(StorePath(dir));
        await ExecuteAsync(StorePath(dir), "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'Ada');");
    }

    private static Task UnreadableAttemptAsync(string dir) =>
        ExecuteAsync(StorePath(dir), "UPDATE slots SET attempt_json = '{\"run_id\": \"cut sho' WHERE rowid = (SELECT min(rowid) FROM slots WHERE phase = 'done');");

    private static SqliteConnection Open(string path) => new($"Data Source={path};Pooling=False");
}
