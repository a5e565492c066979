namespace ImageBench.Storage;

/// <summary>
/// Writes a file so that readers (and a crash) see either the old state or the whole new file, never a torn one:
/// the bytes go to a temporary file in the same directory, are flushed to disk, then renamed over the target
/// (rename within a directory is atomic on POSIX and NTFS).
/// </summary>
internal static class AtomicFile
{
    /// <summary>Suffix of in-progress files; anything ending with it after a crash is garbage.</summary>
    public const string TempSuffix = ".tmp";

    /// <param name="flushToDisk">False leaves the fsync to the caller (<see cref="FlushToDisk"/>), for writes inside a timed window.</param>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken ct, bool flushToDisk = true)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await write(stream, ct).ConfigureAwait(false);
                await stream.FlushAsync(ct).ConfigureAwait(false);
                // Flush(true) is the fsync: without it the rename can reach the disk before the data does.
                if (flushToDisk) stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public static Task WriteAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken ct, bool flushToDisk = true) =>
        WriteAsync(path, (stream, token) => stream.WriteAsync(bytes, token).AsTask(), ct, flushToDisk);

    /// <summary>fsyncs a file already written, so a later commit that refers to it cannot outlive it in a power cut.</summary>
    public static void FlushToDisk(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.Flush(flushToDisk: true);
    }
}
