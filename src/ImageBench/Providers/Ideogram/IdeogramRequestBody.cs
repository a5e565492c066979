using System.Globalization;
using System.Text.Json.Nodes;

namespace ImageBench.Providers.Ideogram;

/// <summary>
/// The multipart fields for POST /v1/ideogram-v3/generate: prompt, resolution "WxH" (unless the catalog gives an
/// aspect_ratio, which replaces it: the API takes one or the other), num_images 1, then options as given
/// (rendering_speed, style_type, magic_prompt, seed, negative_prompt).
/// </summary>
public static class IdeogramRequestBody
{
    private static readonly HashSet<string> Reserved = ["prompt", "num_images"];

    public static JsonObject Build(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = new JsonObject { ["prompt"] = request.Prompt };
        if (!request.Options.ContainsKey("aspect_ratio") && !request.Options.ContainsKey("resolution"))
            fields["resolution"] = string.Create(CultureInfo.InvariantCulture, $"{request.Width}x{request.Height}");
        fields["num_images"] = "1";
        foreach (var (key, value) in request.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (Reserved.Contains(key)) continue;
            fields[key] = value;
        }
        return fields;
    }
}
