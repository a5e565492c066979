using System.Globalization;
using System.Text.Json.Nodes;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Ark;

/// <summary>
/// The OpenAI-like body for Ark's POST /api/v3/images/generations (Seedream). size is "WxH" from the request
/// unless the catalog gives a tier ("2K", "4K") in options.size; response_format defaults to url and watermark
/// to false (Ark stamps "AI generated" unless told not to, which would change the image being measured).
/// </summary>
public static class ArkRequestBody
{
    private static readonly HashSet<string> Reserved = ["model", "prompt", "n", "stream"];
    private static readonly HashSet<string> Integers = ["seed"];
    private static readonly HashSet<string> Numbers = ["guidance_scale"];

    public static JsonObject Build(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new JsonObject
        {
            ["model"] = request.Model.Upstream,
            ["prompt"] = request.Prompt,
            ["size"] = string.Create(CultureInfo.InvariantCulture, $"{request.Width}x{request.Height}"),
            ["response_format"] = "url",
            ["watermark"] = false,
        };
        foreach (var (key, value) in request.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (Reserved.Contains(key)) continue;
            body[key] = JsonRead.Option(key, value, Integers, Numbers);
        }
        return body;
    }
}
