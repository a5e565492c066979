using ImageBench.Attempts;

namespace ImageBench.Images;

/// <summary>The result of reading an image's header: its facts, or why it is not a usable image.</summary>
public sealed record ImageInspection(ImageFacts? Facts, string? Error)
{
    public bool IsValid => Facts is not null;
}
