using ImageBench.Attempts;

namespace ImageBench.Storage.Recovery;

/// <summary>A run directory's image files against the attempts that reference them.</summary>
/// <param name="OnDisk">Image files in <c>images/</c>, as run-relative paths (<c>images/{sha256}.{ext}</c>), sorted.</param>
/// <param name="Referenced">Distinct image paths of the attempts given, sorted.</param>
/// <param name="Unreferenced">Files on disk no attempt references: after damage, most likely paid-for images whose attempt was lost.</param>
/// <param name="MissingFiles">Attempts whose image file is not on disk.</param>
public sealed record ImageInventory(
    IReadOnlyList<string> OnDisk,
    IReadOnlyList<string> Referenced,
    IReadOnlyList<string> Unreferenced,
    IReadOnlyList<Attempt> MissingFiles)
{
    public static ImageInventory Take(string runDirectory, IEnumerable<Attempt> attempts)
    {
        var onDisk = FilesOnDisk(runDirectory);
        var withImage = attempts.Where(a => a.ImagePath is not null).ToList();
        var referenced = withImage.Select(a => a.ImagePath!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var present = onDisk.ToHashSet(StringComparer.Ordinal);
        var images = new ImageFileStore(runDirectory);
        return new ImageInventory(
            onDisk,
            referenced,
            onDisk.Except(referenced, StringComparer.Ordinal).ToList(),
            withImage.Where(a => !present.Contains(a.ImagePath!) && !File.Exists(images.Resolve(a.ImagePath!))).ToList());
    }

    /// <summary>Image files under <c>{runDirectory}/images</c>, leaving out the temporary files of writes a crash cut short.</summary>
    public static IReadOnlyList<string> FilesOnDisk(string runDirectory)
    {
        var folder = Path.Combine(runDirectory, ImageFileStore.FolderName);
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder)
            .Select(Path.GetFileName)
            .Where(name => !name!.EndsWith(AtomicFile.TempSuffix, StringComparison.Ordinal))
            .Select(name => $"{ImageFileStore.FolderName}/{name}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
