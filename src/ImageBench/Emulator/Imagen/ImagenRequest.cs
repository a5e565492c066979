using System.Text.Json;
using ImageBench.Emulator.Gemini;

namespace ImageBench.Emulator.Imagen;

/// <summary>A :predict body as Google documents it for Imagen 4 (no capture exists).</summary>
internal sealed record ImagenRequest(string Prompt, int Width, int Height, string? MimeType, bool IncludeRaiReason)
{
    public static (ImagenRequest? Request, string? Error) Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("instances", out var instances) || instances.ValueKind != JsonValueKind.Array
            || instances.GetArrayLength() == 0 || instances[0].ValueKind != JsonValueKind.Object
            || !instances[0].TryGetProperty("prompt", out var p) || p.ValueKind != JsonValueKind.String || p.GetString()!.Length == 0)
            return (null, "Missing required field: instances[0].prompt");
        string? ratio = null, sampleSize = null, mime = null;
        bool rai = false;
        if (root.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
        {
            if (parameters.TryGetProperty("sampleCount", out var n) && n.ValueKind == JsonValueKind.Number && (!n.TryGetInt32(out var count) || count is < 1 or > 4))
                return (null, "sampleCount must be between 1 and 4.");
            ratio = Text(parameters, "aspectRatio");
            sampleSize = Text(parameters, "sampleImageSize");
            rai = parameters.TryGetProperty("includeRaiReason", out var r) && r.ValueKind == JsonValueKind.True;
            if (parameters.TryGetProperty("outputOptions", out var output) && output.ValueKind == JsonValueKind.Object)
                mime = Text(output, "mimeType");
        }
        if (GeminiSizes.ForImagen(ratio, sampleSize) is not { } size)
            return (null, $"Unsupported aspect ratio: {ratio}. Supported: 1:1, 3:4, 4:3, 9:16, 16:9.");
        if (mime is not (null or "image/png" or "image/jpeg"))
            return (null, $"Unsupported output mime type: {mime}");
        return (new ImagenRequest(p.GetString()!, size.Width, size.Height, mime, rai), null);
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
