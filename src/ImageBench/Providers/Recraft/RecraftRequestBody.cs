using System.Globalization;
using System.Text.Json.Nodes;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Recraft;

/// <summary>
/// Recraft's OpenAI-compatible body for POST /v1/images/generations: prompt, model, size "WxH", n 1,
/// response_format url, then catalog options (style, substyle, negative_prompt…) as given.
/// </summary>
public static class RecraftRequestBody
{
    private static readonly HashSet<string> Reserved = ["prompt", "model", "n"];
    private static readonly HashSet<string> Integers = ["random_seed"];

    public static JsonObject Build(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new JsonObject
        {
            ["prompt"] = request.Prompt,
            ["model"] = request.Model.Upstream,
            ["size"] = string.Create(CultureInfo.InvariantCulture, $"{request.Width}x{request.Height}"),
            ["n"] = 1,
            ["response_format"] = "url",
        };
        foreach (var (key, value) in request.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (Reserved.Contains(key)) continue;
            body[key] = JsonRead.Option(key, value, Integers);
        }
        return body;
    }
}
