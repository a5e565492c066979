namespace ImageBench.Storage.Recovery;

/// <summary>
/// What can be told about a store's files before SQLite opens them — and must be, because opening alters them:
/// SQLite treats an empty file as a new database (the store would create its tables in it) and discards a damaged
/// write-ahead log (the commits in it would be gone for good).
/// </summary>
internal static class StoreFileCheck
{
    /// <summary>The store file's write-ahead log, beside it.</summary>
    public static string WalPath(string storePath) => storePath + "-wal";

    /// <summary>SQLite's shared-memory index of the log, beside it (rebuilt from the log when missing).</summary>
    public static string ShmPath(string storePath) => storePath + "-shm";

    /// <returns>Why the store at <paramref name="storePath"/> is damaged, as "{path} is …", or null when its files look sound (or it does not exist yet).</returns>
    public static string? FindDamage(string storePath)
    {
        if (!File.Exists(storePath)) return null;
        // The store writes its header when it first opens a file (switching it to WAL), so an existing empty file
        // was cut short, not just created.
        if (new FileInfo(storePath).Length == 0) return $"{storePath} is damaged: it is empty (0 bytes)";
        var wal = WalPath(storePath);
        return WalFile.FindDamage(wal) is { } why ? $"{storePath} is damaged: its write-ahead log {Path.GetFileName(wal)} is damaged ({why})" : null;
    }
}
