using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImageBench.Emulator.Fal;

/// <summary>A validated FLUX-style fal submit body, or the 422 fal would send.</summary>
internal sealed record FalRequest(string Prompt, int Width, int Height, string? OutputFormat, ulong? Seed)
{
    /// <summary>fal's named image_size presets (FLUX apps).</summary>
    private static readonly Dictionary<string, (int W, int H)> Presets = new(StringComparer.Ordinal)
    {
        ["square_hd"] = (1024, 1024), ["square"] = (512, 512),
        ["portrait_4_3"] = (768, 1024), ["portrait_16_9"] = (576, 1024),
        ["landscape_4_3"] = (1024, 768), ["landscape_16_9"] = (1024, 576),
    };

    public static (FalRequest? Request, JsonObject? Error) Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return (null, FalErrors.Validation("body", "type_error.dict", "value is not a valid dict"));
        if (!root.TryGetProperty("prompt", out var p) || p.ValueKind != JsonValueKind.String || p.GetString()!.Length == 0)
            return (null, FalErrors.Validation("prompt", "value_error.missing", "field required"));
        var (width, height) = (1024, 768); // FLUX pro's default preset is landscape_4_3
        if (root.TryGetProperty("image_size", out var size))
        {
            if (size.ValueKind == JsonValueKind.String && Presets.TryGetValue(size.GetString()!, out var preset))
                (width, height) = preset;
            else if (size.ValueKind == JsonValueKind.Object && Int(size, "width") is { } w && Int(size, "height") is { } h)
                (width, height) = (w, h);
            else
                return (null, FalErrors.Validation("image_size", "value_error", "image_size must be a preset name or {width, height}"));
            if (width is < 64 or > 4096 || height is < 64 or > 4096)
                return (null, FalErrors.Validation("image_size", "value_error.number.not_le", "width and height must be between 64 and 4096"));
        }
        string? format = root.TryGetProperty("output_format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        if (format is not (null or "jpeg" or "png"))
            return (null, FalErrors.Validation("output_format", "type_error.enum", "value is not a valid enumeration member; permitted: 'jpeg', 'png'"));
        ulong? seed = root.TryGetProperty("seed", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetUInt64(out var v) ? v : null;
        return (new FalRequest(p.GetString()!, width, height, format, seed), null);
    }

    private static int? Int(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;
}
