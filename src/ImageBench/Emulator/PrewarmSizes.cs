using ImageBench.Emulator.Gemini;
using ImageBench.Emulator.Replicate;
using ImageBench.Providers.Gemini;
using ImageBench.Providers.Imagen;
using ImageBench.Providers.Replicate;

namespace ImageBench.Emulator;

/// <summary>
/// What the fal, Replicate, Gemini and Imagen endpoints will draw for a planned call: the size their adapters
/// ask for (an aspect ratio for Google and Replicate) and the format, so pre-rendering hits the same cache entry.
/// </summary>
internal static class PrewarmSizes
{
    public static (int Width, int Height, string? Format)? For(EmulatorCall call)
    {
        switch (call.Protocol)
        {
            case EmulatorCall.Fal:
                return (call.Width, call.Height, call.OutputFormat);
            case EmulatorCall.Replicate:
                var format = call.OutputFormat == "jpg" ? "jpeg" : call.OutputFormat;
                return ReplicateRequestBody.AspectRatio(call.Width, call.Height) is { } ratio && ReplicateInput.SizeFor(ratio) is { } size
                    ? (size.Width, size.Height, format)
                    : (call.Width, call.Height, format);
            case EmulatorCall.Gemini:
                var g = GeminiSizes.ForGemini(call.Width == call.Height ? "1:1" : GoogleEndpoint.AspectRatio(call.Width, call.Height, GeminiRequestBody.Ratios), null);
                return g is { } gs ? (gs.Width, gs.Height, null) : null;
            case EmulatorCall.Imagen:
                var i = GeminiSizes.ForImagen(GoogleEndpoint.AspectRatio(call.Width, call.Height, ImagenRequestBody.Ratios), null);
                return i is { } s ? (s.Width, s.Height, null) : null;
            default:
                return null;
        }
    }
}
