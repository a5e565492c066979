using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImageBench.Emulator.OpenAI;

/// <summary>A validated POST /v1/images/generations body, or the 400 the real API would send instead.</summary>
internal sealed record OpenAIImageRequest(
    string Model, string Prompt, int N, int Width, int Height, string Quality, string OutputFormat,
    int Compression, string Background, string? ResponseFormat)
{
    public bool IsGptImage => Model.StartsWith("gpt-image", StringComparison.OrdinalIgnoreCase);
    public bool IsDallE3 => Model.StartsWith("dall-e-3", StringComparison.OrdinalIgnoreCase);
    public string Size => $"{Width}x{Height}";

    private static readonly string[] GptOnly = ["output_format", "output_compression", "background", "moderation"];

    public static (OpenAIImageRequest? Request, JsonObject? Error) Parse(JsonDocument doc, Func<string, string> defaultFormatFor)
    {
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, OpenAIErrors.Invalid("We could not parse the JSON body of your request.", null, null));
        }
        string? prompt = Str(root, "prompt");
        if (string.IsNullOrEmpty(prompt))
        {
            return (null, OpenAIErrors.Invalid("Missing required parameter: 'prompt'.", "prompt", "missing_required_parameter"));
        }
        // The spec: dall-e-2 unless a GPT-image-only parameter is present.
        string model = Str(root, "model") ?? (GptOnly.Any(p => root.TryGetProperty(p, out _)) ? "gpt-image-1" : "dall-e-2");
        bool gpt = model.StartsWith("gpt-image", StringComparison.OrdinalIgnoreCase);
        string? responseFormat = Str(root, "response_format");
        if (gpt && responseFormat is not null)
        {
            return (null, OpenAIErrors.Invalid("Unknown parameter: 'response_format'.", "response_format", "unknown_parameter"));
        }
        int n = root.TryGetProperty("n", out var nEl) && nEl.ValueKind == JsonValueKind.Number ? nEl.GetInt32() : 1;
        if (n is < 1 or > 10 || (model.StartsWith("dall-e-3", StringComparison.OrdinalIgnoreCase) && n != 1))
        {
            return (null, OpenAIErrors.Invalid($"Invalid 'n': integer must be between 1 and {(gpt ? 10 : 1)}.", "n", "invalid_value"));
        }
        string format = Str(root, "output_format") ?? (gpt ? defaultFormatFor(model) : "png");
        if (format is not ("png" or "jpeg" or "webp"))
        {
            return (null, Unsupported("output_format", format, "'png', 'jpeg' and 'webp'"));
        }
        string quality = Str(root, "quality") ?? "auto";
        string[] qualities = gpt ? ["auto", "low", "medium", "high"] : ["auto", "standard", "hd"];
        if (!qualities.Contains(quality))
        {
            return (null, Unsupported("quality", quality, string.Join(", ", qualities.Select(q => $"'{q}'"))));
        }
        string size = Str(root, "size") ?? (gpt ? "auto" : "1024x1024");
        if (!OpenAISizes.TryParse(model, size, out int width, out int height, out string supported))
        {
            return (null, Unsupported("size", size, supported));
        }
        int compression = root.TryGetProperty("output_compression", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : 100;
        if (compression is < 0 or > 100)
        {
            return (null, OpenAIErrors.Invalid("Invalid 'output_compression': integer must be between 0 and 100.", "output_compression", "invalid_value"));
        }
        string resolvedQuality = quality == "auto" ? (gpt ? "high" : "standard") : quality;
        string background = Str(root, "background") is { } b && b != "auto" ? b : "opaque";
        return (new OpenAIImageRequest(model, prompt, n, width, height, resolvedQuality, format, compression, background, responseFormat ?? (gpt ? null : "url")), null);
    }

    private static JsonObject Unsupported(string param, string value, string supported) =>
        OpenAIErrors.Invalid($"Invalid value: '{value}'. Supported values are: {supported}.", param, "invalid_value");

    private static string? Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var el) && el.ValueKind == JsonValueKind.String ? el.GetString() : null;
}

internal static class OpenAISizes
{
    public static bool TryParse(string model, string size, out int width, out int height, out string supported)
    {
        string[] fixedSizes = model switch
        {
            _ when model.StartsWith("dall-e-2", StringComparison.OrdinalIgnoreCase) => ["256x256", "512x512", "1024x1024"],
            _ when model.StartsWith("dall-e-3", StringComparison.OrdinalIgnoreCase) => ["1024x1024", "1792x1024", "1024x1792"],
            _ => ["1024x1024", "1536x1024", "1024x1536", "auto"],
        };
        supported = string.Join(", ", fixedSizes.Select(s => $"'{s}'"));
        width = height = 1024;
        if (size == "auto")
        {
            return model.StartsWith("gpt-image", StringComparison.OrdinalIgnoreCase);
        }
        var parts = size.Split('x');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out width)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out height))
        {
            return false;
        }
        if (model.StartsWith("gpt-image-2", StringComparison.OrdinalIgnoreCase))
        {
            // gpt-image-2 takes any WxH: sides divisible by 16, aspect within 1:3..3:1, at most 3840x2160.
            supported = "sizes with both sides divisible by 16, aspect ratio between 1:3 and 3:1, up to 3840x2160";
            int longSide = Math.Max(width, height), shortSide = Math.Min(width, height);
            return width % 16 == 0 && height % 16 == 0 && shortSide > 0 && longSide <= 3840 && shortSide <= 2160
                && longSide <= 3 * shortSide;
        }
        return fixedSizes.Contains(size);
    }
}
