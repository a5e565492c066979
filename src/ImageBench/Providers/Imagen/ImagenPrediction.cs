namespace ImageBench.Providers.Imagen;

/// <summary>
/// The first image of a :predict answer, or the reason Google's RAI filter removed it; plus every later prediction
/// that carries an image (sampleCount is 1, but the answer is a list and each image in it is billed).
/// </summary>
public sealed record ImagenPrediction(byte[]? ImageBytes, string? MimeType, string? RaiFilteredReason, string? EnhancedPrompt)
{
    public IReadOnlyList<Http.ExtraImageSource> Extras { get; init; } = [];
}
