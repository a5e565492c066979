using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImageBench.Emulator.Bfl;

/// <summary>A validated FLUX submit body, or the FastAPI 422 the real API would send.</summary>
internal sealed record BflRequest(string Prompt, int Width, int Height, long? Seed, string? OutputFormat)
{
    public static (BflRequest? Request, JsonObject? Error) Parse(string endpoint, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, BflErrors.Validation("body", "model_attributes_type", "Input should be a valid dictionary or object to extract fields from", null));
        }
        string prompt = root.TryGetProperty("prompt", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "";
        // FLUX.2 takes multiples of 16 from 64 up to 4 MP; FLUX.1 endpoints multiples of 32 in 256..1440.
        bool flux2 = endpoint.StartsWith("flux-2", StringComparison.OrdinalIgnoreCase);
        (int step, int min, int max) = flux2 ? (16, 64, 4096) : (32, 256, 1440);
        var width = Dimension(root, "width", 1024, step, min, max, out var widthError);
        var height = Dimension(root, "height", 768, step, min, max, out var heightError);
        if ((widthError ?? heightError) is { } dimensionError)
        {
            return (null, dimensionError);
        }
        if (flux2 && (long)width * height > 4_194_304)
        {
            return (null, BflErrors.Validation("width", "value_error", "Value error, total pixels must not exceed 4 megapixels", width));
        }
        long? seed = root.TryGetProperty("seed", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null;
        if (root.TryGetProperty("safety_tolerance", out var t) && t.ValueKind == JsonValueKind.Number && t.GetInt32() is < 0 or > 6)
        {
            return (null, BflErrors.Validation("safety_tolerance", "less_than_equal", "Input should be less than or equal to 6", t.GetInt32()));
        }
        string? format = root.TryGetProperty("output_format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        if (format is not (null or "jpeg" or "png" or "webp"))
        {
            return (null, BflErrors.Validation("output_format", "enum", "Input should be 'jpeg' or 'png'", format));
        }
        return (new BflRequest(prompt, width, height, seed, format), null);
    }

    private static int Dimension(JsonElement root, string name, int fallback, int step, int min, int max, out JsonObject? error)
    {
        error = null;
        if (!root.TryGetProperty(name, out var el) || el.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }
        if (el.ValueKind != JsonValueKind.Number || !el.TryGetInt32(out int value))
        {
            error = BflErrors.Validation(name, "int_parsing", "Input should be a valid integer", JsonNode.Parse(el.GetRawText()));
            return fallback;
        }
        if (value < min)
        {
            error = BflErrors.Validation(name, "greater_than_equal", $"Input should be greater than or equal to {min}", value);
        }
        else if (value > max)
        {
            error = BflErrors.Validation(name, "less_than_equal", $"Input should be less than or equal to {max}", value);
        }
        else if (value % step != 0)
        {
            error = BflErrors.Validation(name, "multiple_of", $"Input should be a multiple of {step}", value);
        }
        return value;
    }
}
