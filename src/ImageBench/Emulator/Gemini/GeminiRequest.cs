using System.Text;
using System.Text.Json;

namespace ImageBench.Emulator.Gemini;

/// <summary>A generateContent body reduced to what the emulator draws from, or the 400 Google would send.</summary>
internal sealed record GeminiRequest(string Prompt, bool WantsImage, int Width, int Height, string? ImageSize, string? MimeType)
{
    public static (GeminiRequest? Request, string? Error) Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("contents", out var contents) || contents.ValueKind != JsonValueKind.Array
            || contents.GetArrayLength() == 0)
            return (null, "* GenerateContentRequest.contents: contents is not specified");
        var prompt = new StringBuilder();
        foreach (var content in contents.EnumerateArray())
        {
            if (content.ValueKind != JsonValueKind.Object || !content.TryGetProperty("parts", out var parts) || parts.ValueKind != JsonValueKind.Array) continue;
            foreach (var part in parts.EnumerateArray())
            {
                if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                    prompt.Append(t.GetString());
            }
        }
        if (prompt.Length == 0) return (null, "* GenerateContentRequest.contents[0].parts: contents.parts must not be empty.");

        bool wantsImage = false;
        string? ratio = null, imageSize = null, mime = null;
        if (root.TryGetProperty("generationConfig", out var config) && config.ValueKind == JsonValueKind.Object)
        {
            if (config.TryGetProperty("responseModalities", out var modalities) && modalities.ValueKind == JsonValueKind.Array)
                wantsImage = modalities.EnumerateArray().Any(m => m.ValueKind == JsonValueKind.String && string.Equals(m.GetString(), "IMAGE", StringComparison.OrdinalIgnoreCase));
            if (config.TryGetProperty("imageConfig", out var image) && image.ValueKind == JsonValueKind.Object)
            {
                ratio = Text(image, "aspectRatio");
                imageSize = Text(image, "imageSize");
                if (image.TryGetProperty("imageOutputOptions", out var output) && output.ValueKind == JsonValueKind.Object)
                    mime = Text(output, "mimeType");
            }
        }
        if (GeminiSizes.ForGemini(ratio, imageSize) is not { } size)
            return (null, $"* GenerateContentRequest.generation_config.image_config.aspect_ratio: unsupported aspect ratio '{ratio}'");
        if (mime is not (null or "image/png" or "image/jpeg" or "image/webp"))
            return (null, $"* GenerateContentRequest.generation_config.image_config.image_output_options.mime_type: unsupported mime type '{mime}'");
        return (new GeminiRequest(prompt.ToString(), wantsImage, size.Width, size.Height, imageSize, mime), null);
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
