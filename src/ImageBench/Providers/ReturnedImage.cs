namespace ImageBench.Providers;

/// <summary>
/// An image beyond the first that the same call returned. ImageBench asks every API for one image, but some answer
/// with more (OpenAI data[], Gemini parts, fal images[], …) and charge for all of them: each is kept, never dropped.
/// </summary>
/// <param name="Bytes">The image bytes, or null when they could not be had (see <paramref name="Failure"/>).</param>
/// <param name="DeclaredContentType">The content type the provider claimed for it.</param>
/// <param name="Seed">The seed the provider gave for this image, as text, when it gives one per image.</param>
/// <param name="Failure">Why the bytes are missing (bad base64, download failed, …); null when they are there.</param>
public sealed record ReturnedImage(byte[]? Bytes, string? DeclaredContentType = null, string? Seed = null, string? Failure = null);
