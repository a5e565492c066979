using System.Globalization;
using System.Text.Json.Nodes;
using ImageBench.Providers.Gemini;

namespace ImageBench.Providers.Imagen;

/// <summary>
/// The :predict body as Google documents it (no capture exists): <c>{"instances":[{"prompt"}],
/// "parameters":{"sampleCount":1,"aspectRatio",…}}</c>. <c>includeRaiReason</c> is on so a filtered image comes back
/// as a <c>raiFilteredReason</c> instead of silently missing. Options: personGeneration, sampleImageSize
/// ("1K"/"2K"), seed, addWatermark, enhancePrompt, output_mime_type / compression_quality (outputOptions).
/// </summary>
public static class ImagenRequestBody
{
    /// <summary>The ratios Imagen 4 documents.</summary>
    public static readonly IReadOnlyList<string> Ratios = ["1:1", "3:4", "4:3", "9:16", "16:9"];

    private static readonly HashSet<string> Integers = ["seed"];
    private static readonly HashSet<string> Booleans = ["addWatermark", "enhancePrompt", "includeRaiReason"];

    public static JsonObject Build(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new JsonObject
        {
            ["sampleCount"] = 1,
            ["aspectRatio"] = request.Options.TryGetValue("aspect_ratio", out var r) ? r : GoogleEndpoint.AspectRatio(request.Width, request.Height, Ratios),
            ["includeRaiReason"] = true,
        };
        var output = new JsonObject();
        foreach (var (key, value) in request.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (GoogleEndpoint.AdapterOptions.Contains(key) || key is "aspect_ratio" or "sampleCount") continue;
            if (key == "output_mime_type") output["mimeType"] = value;
            else if (key == "compression_quality" && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var q)) output["compressionQuality"] = q;
            else parameters[key] = ToJson(key, value);
        }
        if (output.Count > 0) parameters["outputOptions"] = output;
        return new JsonObject
        {
            ["instances"] = new JsonArray(new JsonObject { ["prompt"] = request.Prompt }),
            ["parameters"] = parameters,
        };
    }

    private static JsonNode? ToJson(string key, string value)
    {
        if (Integers.Contains(key) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
            return JsonValue.Create(i);
        if (Booleans.Contains(key) && bool.TryParse(value, out var b))
            return JsonValue.Create(b);
        return JsonValue.Create(value);
    }
}
