using System.Globalization;
using System.Text.Json.Nodes;

namespace ImageBench.Providers.Bfl;

/// <summary>
/// The JSON body for POST /v1/{endpoint}. Sent and stored as is; the key travels in the x-key header only.
/// </summary>
public static class BflRequestBody
{
    private static readonly HashSet<string> Reserved = ["prompt", "width", "height"];
    private static readonly HashSet<string> Integers = ["safety_tolerance", "seed", "steps", "output_quality"];
    private static readonly HashSet<string> Numbers = ["guidance"];
    private static readonly HashSet<string> Booleans = ["prompt_upsampling", "raw"];

    public static JsonObject Build(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new JsonObject
        {
            ["prompt"] = request.Prompt,
            ["width"] = request.Width,
            ["height"] = request.Height,
        };
        foreach (var (key, value) in request.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (Reserved.Contains(key)) continue;
            body[key] = ToJson(key, value);
        }
        return body;
    }

    /// <summary>Catalog options are strings; BFL's schema types these fields, and sends 422 for "2" where 2 is meant.</summary>
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
