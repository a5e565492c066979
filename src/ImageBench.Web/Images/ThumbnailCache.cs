namespace ImageBench.Web.Images;

/// <summary>
/// Thumbnails on disk by image hash (the stored file's name), so each is made once per workspace and two runs
/// that stored the same bytes share it. Made at most a few at a time: a 10,000-image gallery opened cold must
/// not start 10,000 decodes on two cores.
/// </summary>
public sealed class ThumbnailCache(string folder)
{
    private readonly SemaphoreSlim _workers = new(Math.Max(1, Environment.ProcessorCount));

    /// <param name="sourcePath">A stored image file, already checked to lie in the workspace.</param>
    /// <returns>WebP bytes, or null when the image does not decode.</returns>
    public async Task<byte[]?> GetAsync(string sourcePath, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        var hash = Path.GetFileNameWithoutExtension(sourcePath);
        var cached = Path.Combine(folder, hash[..2], $"{hash}-{Thumbnailer.Height}.webp");
        if (File.Exists(cached)) return await File.ReadAllBytesAsync(cached, ct).ConfigureAwait(false);

        await _workers.WaitAsync(ct).ConfigureAwait(false);
        byte[]? thumbnail;
        try
        {
            if (File.Exists(cached)) return await File.ReadAllBytesAsync(cached, ct).ConfigureAwait(false);
            thumbnail = Thumbnailer.Make(await File.ReadAllBytesAsync(sourcePath, ct).ConfigureAwait(false));
        }
        finally
        {
            _workers.Release();
        }
        if (thumbnail is not null) TrySave(cached, thumbnail);
        return thumbnail;
    }

    /// <summary>A cache that cannot be written (read-only workspace) only costs speed.</summary>
    private static void TrySave(string path, byte[] bytes)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
