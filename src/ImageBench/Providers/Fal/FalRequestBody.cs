using System.Globalization;
using System.Text.Json.Nodes;

namespace ImageBench.Providers.Fal;

/// <summary>
/// The JSON body for POST queue.fal.run/{app}. FLUX apps on fal take <c>image_size</c> as {width, height} or a
/// preset name; apps sized by aspect ratio (nano-banana, imagen on fal) take <c>aspect_ratio</c> instead, so a
/// catalog <c>image_size</c> or <c>aspect_ratio</c> option replaces the width/height object.
/// </summary>
public static class FalRequestBody
{
    private static readonly HashSet<string> Reserved = ["prompt", "num_images"];
    private static readonly HashSet<string> Integers = ["seed", "num_inference_steps"];
    private static readonly HashSet<string> Numbers = ["guidance_scale"];
    private static readonly HashSet<string> Booleans = ["enable_safety_checker", "sync_mode", "enhance_prompt", "raw"];

    public static JsonObject Build(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new JsonObject { ["prompt"] = request.Prompt };
        var sizedByOption = request.Options.ContainsKey("image_size") || request.Options.ContainsKey("aspect_ratio");
        if (!sizedByOption)
            body["image_size"] = new JsonObject { ["width"] = request.Width, ["height"] = request.Height };
        body["num_images"] = 1;
        foreach (var (key, value) in request.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (Reserved.Contains(key)) continue;
            body[key] = ToJson(key, value);
        }
        return body;
    }

    /// <summary>
    /// Catalog options are strings; fal's schemas type these fields. <c>safety_tolerance</c> stays a string on
    /// purpose: fal's FLUX pro schema declares it as the enum "1".."6", unlike BFL's integer.
    /// </summary>
    private static JsonNode? ToJson(string key, string value)
    {
        if (Integers.Contains(key) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
            return JsonValue.Create(i);
        if (Numbers.Contains(key) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return JsonValue.Create(d);
        if (Booleans.Contains(key) && bool.TryParse(value, out var b))
            return JsonValue.Create(b);
        return JsonValue.Create(value);
    }
}
