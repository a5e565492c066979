namespace ImageBench.Reporting.Html;

/// <summary>Where a page finds an attempt's image: a small one for the gallery and the full one on demand.</summary>
public interface IImageLinks
{
    /// <summary>The image shown in the gallery (a thumbnail when the page is served).</summary>
    string Thumbnail(PromptEntry entry);

    /// <summary>The image at full size, for the lightbox and the link around each thumbnail.</summary>
    string Full(PromptEntry entry);

    /// <summary>Any stored image of the run at full size by its stored path (the extra images a call returned).</summary>
    string Stored(string imagePath);
}

/// <summary>report.html sits in the run directory, so both are the image's own path relative to it.</summary>
public sealed class RelativeImageLinks : IImageLinks
{
    public static RelativeImageLinks Instance { get; } = new();

    public string Thumbnail(PromptEntry entry) => Full(entry);

    public string Full(PromptEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Stored(entry.ImagePath ?? throw new ArgumentException("the attempt has no image", nameof(entry)));
    }

    public string Stored(string imagePath) => MarkdownReportWriter.Url(imagePath);
}
