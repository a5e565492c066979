using ImageBench.Attempts;

namespace ImageBench.Providers.OpenAI;

/// <summary>What a 200 from the Images API says: one image (inline or by URL) and the figures around it.</summary>
public sealed record OpenAIImagesResponse(
    byte[]? ImageBytes,
    Uri? ImageUrl,
    string? OutputFormat,
    string? RevisedPrompt,
    TokenUsage? Usage);
