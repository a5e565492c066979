using System.Globalization;
using System.Text;
using ImageBench.Images;

namespace ImageBench.Storage.Recovery;

/// <summary>
/// <c>salvaged-images.txt</c>: the images on disk that no readable attempt references, with what they are (from
/// their own bytes), so the user keeps them — each was probably paid for — even though the store lost their rows.
/// </summary>
internal static class SalvagedImagesFile
{
    public const string FileName = "salvaged-images.txt";

    /// <summary>Writes the list (tab-separated: path, format, width×height, bytes, sha256) and returns its path.</summary>
    public static async Task<string> WriteAsync(string runDirectory, IReadOnlyList<string> images, string damagedStore, DateTimeOffset at, CancellationToken ct)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"# Images in {ImageFileStore.FolderName}/ that no attempt readable from the damaged store references; nothing was deleted or moved.\n")
            .Append(CultureInfo.InvariantCulture, $"# Each was probably paid for. Written by `imagebench doctor --repair` at {at:yyyy-MM-ddTHH:mm:ssZ}; the damaged store is kept as {damagedStore}.\n")
            .Append("# path\tformat\tsize\tbytes\tsha256\n");
        var store = new ImageFileStore(runDirectory);
        foreach (var image in images)
            text.Append(await LineAsync(store.Resolve(image), image, ct).ConfigureAwait(false)).Append('\n');
        var path = Path.Combine(runDirectory, FileName);
        await AtomicFile.WriteAsync(path, Encoding.UTF8.GetBytes(text.ToString()), ct).ConfigureAwait(false);
        return path;
    }

    private static async Task<string> LineAsync(string fullPath, string relative, CancellationToken ct)
    {
        var inspection = ImageInspector.Inspect(await File.ReadAllBytesAsync(fullPath, ct).ConfigureAwait(false));
        return inspection.Facts is { } f
            ? $"{relative}\t{f.Format}\t{f.Width}x{f.Height}\t{f.Bytes}\t{f.Sha256}"
            : $"{relative}\tnot a readable image: {inspection.Error}";
    }
}
