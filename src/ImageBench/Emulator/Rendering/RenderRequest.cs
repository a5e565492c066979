namespace ImageBench.Emulator.Rendering;

/// <summary>What to draw. Equal requests give byte-identical images, so this is also the cache key.</summary>
/// <param name="TextKey">The strings exactly as drawn (typos already applied), joined by newlines.</param>
/// <param name="StyleSeed">Picks colours and shapes; derived from (seed, model, prompt).</param>
/// <param name="Format">png, jpeg or webp.</param>
/// <param name="Quality">Encoder quality 0–100 for jpeg and webp.</param>
internal sealed record RenderRequest(string TextKey, ulong StyleSeed, int Width, int Height, string Format, int Quality, int? BytesTarget)
{
    /// <summary>
    /// Derived from <see cref="TextKey"/> rather than stored: a list property would take part in the record's
    /// equality by reference and make every lookup in the render cache miss.
    /// </summary>
    public IReadOnlyList<string> Text => TextKey.Length == 0 ? [] : TextKey.Split('\n');
}
