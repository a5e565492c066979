namespace ImageBench.Attempts;

/// <summary>
/// An image beyond the first that the attempt's one call returned, stored like the first (content-addressed).
/// <see cref="Image"/> and <see cref="ImagePath"/> are null when it came back unusable; <see cref="Problem"/> says why.
/// </summary>
public sealed record ExtraImage(ImageFacts? Image, string? ImagePath, string? Seed, string? Problem);
