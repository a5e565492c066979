using System.Globalization;
using System.Text.Json.Nodes;

namespace ImageBench.Providers.Replicate;

/// <summary>
/// The JSON body for a Replicate prediction: <c>{"input":{…}}</c> for official models
/// (POST /v1/models/{owner}/{name}/predictions), plus <c>"version"</c> when the catalog names a version
/// (<c>owner/name:version</c>, sent to POST /v1/predictions). Each model has its own input schema, so the size is
/// sent the way FLUX-class models expect it (<c>aspect_ratio</c>, "custom" + width/height when no standard ratio
/// fits) unless the catalog option <c>size: width_height</c> asks for plain width/height (SDXL-class models).
/// </summary>
public static class ReplicateRequestBody
{
    /// <summary>Adapter settings in the catalog options; they steer the call and are never sent as input.</summary>
    public static readonly IReadOnlySet<string> AdapterOptions = new HashSet<string>(StringComparer.Ordinal) { "wait", "size" };

    private static readonly HashSet<string> Reserved = ["prompt"];
    private static readonly HashSet<string> Integers =
        ["seed", "output_quality", "safety_tolerance", "num_outputs", "width", "height", "num_inference_steps"];
    private static readonly HashSet<string> Numbers = ["guidance", "guidance_scale", "prompt_strength"];
    private static readonly string[] Ratios = ["1:1", "16:9", "9:16", "3:2", "2:3", "4:3", "3:4", "4:5", "5:4", "21:9", "9:21"];

    public static JsonObject Build(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = new JsonObject { ["prompt"] = request.Prompt };
        if (!request.Options.ContainsKey("aspect_ratio"))
        {
            if (request.Options.TryGetValue("size", out var mode) && mode == "width_height")
            {
                input["width"] = request.Width;
                input["height"] = request.Height;
            }
            else if (AspectRatio(request.Width, request.Height) is { } ratio)
            {
                input["aspect_ratio"] = ratio;
            }
            else
            {
                input["aspect_ratio"] = "custom";
                input["width"] = request.Width;
                input["height"] = request.Height;
            }
        }
        foreach (var (key, value) in request.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (Reserved.Contains(key) || AdapterOptions.Contains(key)) continue;
            input[key] = ToJson(key, value);
        }
        var body = new JsonObject();
        if (Version(request.Model.Upstream) is { } version) body["version"] = version;
        body["input"] = input;
        return body;
    }

    /// <summary>The version id of an <c>owner/name:version</c> upstream, or null for an official model.</summary>
    public static string? Version(string upstream)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        var colon = upstream.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? upstream[(colon + 1)..] : null;
    }

    /// <summary>"W:H" when the size reduces exactly to a ratio FLUX-class models list, else null.</summary>
    public static string? AspectRatio(int width, int height)
    {
        if (width <= 0 || height <= 0) return null;
        var g = Gcd(width, height);
        var ratio = string.Create(CultureInfo.InvariantCulture, $"{width / g}:{height / g}");
        return Ratios.Contains(ratio) ? ratio : null;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private static JsonNode? ToJson(string key, string value)
    {
        if (Integers.Contains(key) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
            return JsonValue.Create(i);
        if (Numbers.Contains(key) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return JsonValue.Create(d);
        if (value is "true" or "false") return JsonValue.Create(value == "true");
        return JsonValue.Create(value);
    }
}
