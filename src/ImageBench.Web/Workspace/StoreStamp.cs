using ImageBench.Storage.Sqlite;

namespace ImageBench.Web.Workspace;

/// <summary>
/// The run store's files as last written: what tells a server, without opening the store, that a run changed.
/// SQLite in WAL mode appends every commit to the -wal file and removes it when the last connection closes, so a
/// live writer shows as a -wal file that keeps changing.
/// </summary>
public sealed record StoreStamp(DateTimeOffset DatabaseWritten, long DatabaseBytes, DateTimeOffset? LogWritten, long LogBytes)
{
    public const string LogSuffix = "-wal";

    public static StoreStamp Of(string runDirectory)
    {
        var db = new FileInfo(Path.Combine(runDirectory, SqliteRunStore.FileName));
        var log = new FileInfo(db.FullName + LogSuffix);
        return new StoreStamp(
            db.Exists ? new DateTimeOffset(db.LastWriteTimeUtc) : DateTimeOffset.MinValue,
            db.Exists ? db.Length : 0,
            log.Exists ? new DateTimeOffset(log.LastWriteTimeUtc) : null,
            log.Exists ? log.Length : 0);
    }
}
