namespace ImageBench.Attempts;

/// <summary>What an image really is, read from its bytes (not from what the provider claimed).</summary>
/// <param name="Format">"png", "jpeg" or "webp".</param>
public sealed record ImageFacts(string Format, int Width, int Height, long Bytes, string Sha256);
