namespace ImageBench.Providers.Imagen;

/// <summary>predictions[0] of a :predict answer: an image, or the reason Google's RAI filter removed it.</summary>
public sealed record ImagenPrediction(byte[]? ImageBytes, string? MimeType, string? RaiFilteredReason, string? EnhancedPrompt);
