namespace ImageBench.Storage.Recovery;

/// <summary>
/// A copy of a store file and its write-ahead log in a temporary directory, deleted afterwards. The doctor reads
/// only copies: SQLite may discard a damaged log or write into a file it opens, and the original is the evidence.
/// </summary>
internal sealed class ScratchCopy : IDisposable
{
    private ScratchCopy(string directory, string storePath)
    {
        Directory = directory;
        StorePath = storePath;
    }

    /// <summary>The temporary directory, laid out like a run directory (the copy keeps the store's file name).</summary>
    public string Directory { get; }

    public string StorePath { get; }

    public static ScratchCopy Of(string storePath)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("imagebench-doctor-").FullName;
        var copy = Path.Combine(directory, Path.GetFileName(storePath));
        File.Copy(storePath, copy);
        var wal = StoreFileCheck.WalPath(storePath);
        if (File.Exists(wal)) File.Copy(wal, StoreFileCheck.WalPath(copy));
        return new ScratchCopy(directory, copy);
    }

    /// <summary>A message about the copy, told about the original.</summary>
    public string AboutOriginal(string message, string originalPath) => message.Replace(StorePath, originalPath, StringComparison.Ordinal);

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* a leftover temp copy must not fail the diagnosis */ }
    }
}
