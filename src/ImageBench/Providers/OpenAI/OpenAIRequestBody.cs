using System.Globalization;
using System.Text.Json.Nodes;

namespace ImageBench.Providers.OpenAI;

/// <summary>
/// The JSON body for POST /v1/images/generations. The same object is sent and stored with the attempt, so what
/// the report shows is what the API received (and it never holds the key: that travels in a header).
/// </summary>
public static class OpenAIRequestBody
{
    /// <summary>Fields the benchmark itself decides; catalog options cannot override them.</summary>
    private static readonly HashSet<string> Reserved = ["model", "prompt", "n", "size"];

    /// <summary>Options the API types as numbers; catalog values are strings, so these are converted.</summary>
    private static readonly HashSet<string> Numeric = ["output_compression", "partial_images"];

    public static JsonObject Build(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new JsonObject
        {
            ["model"] = request.Model.Upstream,
            ["prompt"] = request.Prompt,
            ["n"] = 1,
            ["size"] = string.Create(CultureInfo.InvariantCulture, $"{request.Width}x{request.Height}"),
        };
        var isDallE = IsDallE(request.Model.Upstream);
        foreach (var (key, value) in request.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (Reserved.Contains(key)) continue;
            // GPT image models always answer b64_json and reject response_format outright.
            if (key == "response_format" && !isDallE) continue;
            body[key] = ToJson(key, value);
        }
        return body;
    }

    public static bool IsDallE(string upstream) => upstream.StartsWith("dall-e", StringComparison.OrdinalIgnoreCase);

    private static JsonNode? ToJson(string key, string value)
    {
        if (Numeric.Contains(key) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        if (value is "true" or "false") return JsonValue.Create(value == "true");
        return JsonValue.Create(value);
    }
}
