using System.Globalization;
using System.Text.Json;

namespace ImageBench.Emulator.Replicate;

/// <summary>
/// A prediction's input as FLUX-class models on Replicate read it: prompt, aspect_ratio ("custom" uses
/// width/height), output_format webp|jpg|png. Sizes for a ratio keep about one megapixel in multiples of 32,
/// close to what FLUX 1.1 [pro] produces (a guess beyond 1:1 = 1024x1024).
/// </summary>
internal sealed record ReplicateInput(string Prompt, int Width, int Height, string? Format, long? Seed)
{
    public static (ReplicateInput? Input, string? Error) Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("input", out var input) || input.ValueKind != JsonValueKind.Object)
            return (null, "- input: Invalid type. Expected: object");
        if (!input.TryGetProperty("prompt", out var p) || p.ValueKind != JsonValueKind.String || p.GetString()!.Length == 0)
            return (null, "- input: prompt is required");
        int width = 1024, height = 1024;
        var ratio = input.TryGetProperty("aspect_ratio", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : null;
        var w = Int(input, "width");
        var h = Int(input, "height");
        if (ratio is null or "custom")
        {
            if (ratio == "custom" && (w is null || h is null)) return (null, "- input: width and height are required when aspect_ratio is custom");
            (width, height) = (w ?? 1024, h ?? 1024);
            if (width is < 256 or > 1440 || height is < 256 or > 1440) return (null, "- input.width: Must be between 256 and 1440");
        }
        else if (SizeFor(ratio) is { } size)
        {
            (width, height) = size;
        }
        else
        {
            return (null, $"- input.aspect_ratio: aspect_ratio must be one of the following: \"custom\", \"1:1\", \"16:9\", \"3:2\", \"2:3\", \"4:5\", \"5:4\", \"9:16\", \"3:4\", \"4:3\", \"21:9\", \"9:21\" (got \"{ratio}\")");
        }
        var format = input.TryGetProperty("output_format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        if (format is not (null or "webp" or "jpg" or "png"))
            return (null, "- input.output_format: output_format must be one of the following: \"webp\", \"jpg\", \"png\"");
        long? seed = input.TryGetProperty("seed", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var v) ? v : null;
        return (new ReplicateInput(p.GetString()!, width, height, format == "jpg" ? "jpeg" : format, seed), null);
    }

    private static readonly HashSet<string> Ratios = ["1:1", "16:9", "9:16", "3:2", "2:3", "4:3", "3:4", "4:5", "5:4", "21:9", "9:21"];

    public static (int Width, int Height)? SizeFor(string ratio)
    {
        if (!Ratios.Contains(ratio)) return null;
        var parts = ratio.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var b) || a <= 0 || b <= 0 || a > 21 || b > 21)
            return null;
        double width = Math.Sqrt(1024.0 * 1024.0 * a / b);
        int W = (int)Math.Round(width / 32) * 32;
        int H = (int)Math.Round(width * b / a / 32) * 32;
        return (W, H);
    }

    private static int? Int(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;
}
