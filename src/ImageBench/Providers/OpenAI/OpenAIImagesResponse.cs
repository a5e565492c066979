using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.OpenAI;

/// <summary>
/// What a 200 from the Images API says: the first image (inline or by URL), the figures around it, and every
/// further data[] entry (the usage covers them all).
/// </summary>
public sealed record OpenAIImagesResponse(
    byte[]? ImageBytes,
    Uri? ImageUrl,
    string? OutputFormat,
    string? RevisedPrompt,
    TokenUsage? Usage)
{
    public IReadOnlyList<ExtraImageSource> Extras { get; init; } = [];
}
