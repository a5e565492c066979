namespace ImageBench.Emulator;

/// <summary>A call a run is about to make, described enough for the emulator to render its image in advance.</summary>
/// <param name="Protocol"><see cref="OpenAI"/>, <see cref="Bfl"/>, <see cref="Fal"/>, <see cref="Replicate"/>, <see cref="Gemini"/>, <see cref="Imagen"/>, or another catalog family ("ark", "stability"…).</param>
/// <param name="Model">The upstream model name, as sent.</param>
public sealed record EmulatorCall(string Protocol, string Model, string Prompt, int Width, int Height, string? OutputFormat = null, int? Compression = null)
{
    public const string OpenAI = "openai";
    public const string Bfl = "bfl";
    public const string Fal = "fal";
    public const string Replicate = "replicate";
    public const string Gemini = "gemini";
    public const string Imagen = "imagen";
}
