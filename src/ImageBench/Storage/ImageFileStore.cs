using System.Security.Cryptography;
using ImageBench.Attempts;

namespace ImageBench.Storage;

/// <summary>
/// Image bytes as files named by their SHA-256 under <c>{runDir}/images/</c>. Content addressing makes saving
/// idempotent (a resumed run or two models returning the same bytes store one file) and lets scorers cache by hash.
/// </summary>
public sealed class ImageFileStore
{
    public const string FolderName = "images";

    private readonly string _runDirectory;

    public ImageFileStore(string runDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDirectory);
        _runDirectory = Path.GetFullPath(runDirectory);
    }

    /// <summary>The directory images are written to.</summary>
    public string ImagesDirectory => Path.Combine(_runDirectory, FolderName);

    /// <summary>
    /// Stores <paramref name="bytes"/> and returns the path relative to the run directory, always with '/'
    /// (it goes into results.json, which must read the same on every OS): <c>images/{sha256}.{png|jpg|webp}</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The facts do not describe these bytes (hash or size differ) or the format is unknown.</exception>
    /// <param name="durable">
    /// False skips the fsync so the write can sit inside an attempt's timed window; the caller then calls
    /// <see cref="FlushToDisk"/> before it commits anything that refers to the file.
    /// </param>
    public async Task<string> SaveAsync(ReadOnlyMemory<byte> bytes, ImageFacts facts, CancellationToken ct, bool durable = true)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var extension = ExtensionFor(facts.Format);
        // A file named by a hash it does not have would poison every later lookup by hash, so check, don't trust.
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes.Span));
        if (!string.Equals(actual, facts.Sha256, StringComparison.Ordinal) || facts.Bytes != bytes.Length)
            throw new ArgumentException($"image facts (sha256 {facts.Sha256}, {facts.Bytes} bytes) do not match the bytes (sha256 {actual}, {bytes.Length} bytes)", nameof(facts));

        var relative = $"{FolderName}/{actual}.{extension}";
        var full = Path.Combine(ImagesDirectory, $"{actual}.{extension}");
        // Files only ever appear through an atomic rename, so an existing one is complete.
        if (!File.Exists(full))
            await AtomicFile.WriteAsync(full, bytes, ct, durable).ConfigureAwait(false);
        return relative;
    }

    /// <summary>Makes a file saved with <c>durable: false</c> durable.</summary>
    public void FlushToDisk(string relativePath) => AtomicFile.FlushToDisk(Resolve(relativePath));

    /// <summary>The absolute path of a relative image path as returned by <see cref="SaveAsync"/>.</summary>
    public string Resolve(string relativePath) =>
        Path.Combine(_runDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string ExtensionFor(string format) => format switch
    {
        "png" => "png",
        "jpeg" => "jpg",
        "webp" => "webp",
        _ => throw new ArgumentException($"unknown image format '{format}' (expected png, jpeg or webp)", nameof(format)),
    };
}
