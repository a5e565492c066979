namespace ImageBench.Emulator;

/// <summary>A call a run is about to make, described enough for the emulator to render its image in advance.</summary>
/// <param name="Protocol"><see cref="OpenAI"/>, <see cref="Bfl"/>, or another catalog family ("ark", "stability"…).</param>
/// <param name="Model">The upstream model name, as sent.</param>
public sealed record EmulatorCall(string Protocol, string Model, string Prompt, int Width, int Height, string? OutputFormat = null, int? Compression = null)
{
    public const string OpenAI = "openai";
    public const string Bfl = "bfl";
}
