using ImageBench.Reporting;
using ImageBench.Reporting.Html;
using ImageBench.Web.Workspace;

namespace ImageBench.Web.Images;

/// <summary>A served run's images: thumbnails for the gallery, the stored file for the lightbox.</summary>
public sealed class ServedImageLinks(RunDirectory run) : IImageLinks
{
    public string Thumbnail(PromptEntry entry) => $"{run.Url}/thumbnails/{FileName(entry)}";

    public string Full(PromptEntry entry) => $"{run.Url}/images/{FileName(entry)}";

    public string Stored(string imagePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(imagePath);
        return $"{run.Url}/images/{Uri.EscapeDataString(Path.GetFileName(imagePath))}";
    }

    private static string FileName(PromptEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Uri.EscapeDataString(Path.GetFileName(entry.ImagePath ?? throw new ArgumentException("the attempt has no image", nameof(entry))));
    }
}
