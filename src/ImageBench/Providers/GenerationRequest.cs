using ImageBench.Catalog;

namespace ImageBench.Providers;

/// <summary>One image asked of one model: the same for every provider, so every model gets the prompt identically.</summary>
/// <param name="Model">The catalog entry (provider, upstream name, base URL, defaults).</param>
/// <param name="Prompt">The prompt text exactly as written in the suite.</param>
/// <param name="Width">Requested width in pixels (catalog default 1024).</param>
/// <param name="Height">Requested height in pixels (catalog default 1024).</param>
/// <param name="Key">The credential, or null when the endpoint needs none.</param>
public sealed record GenerationRequest(ModelEntry Model, string Prompt, int Width, int Height, ApiKey? Key)
{
    /// <summary>Provider-specific parameters from the catalog defaults (output_format, quality, …), sent as given.</summary>
    public IReadOnlyDictionary<string, string> Options => Model.Options;
}
