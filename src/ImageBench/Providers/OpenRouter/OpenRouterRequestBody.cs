using System.Text.Json.Nodes;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.OpenRouter;

/// <summary>
/// The chat-completions body that makes OpenRouter route to an image model: one user message holding the prompt
/// and <c>modalities: ["image","text"]</c>. Options named <c>image_config.X</c> go into the <c>image_config</c>
/// object (aspect_ratio, image_size); others are sent at top level. The size is not sent: chat models take an
/// aspect ratio, not pixels, so the catalog must say <c>image_config.aspect_ratio</c> when it wants one.
/// </summary>
public static class OpenRouterRequestBody
{
    private const string ImageConfigPrefix = "image_config.";
    private static readonly HashSet<string> Reserved = ["model", "messages", "modalities", "stream"];
    private static readonly HashSet<string> Integers = ["seed", "max_tokens"];
    private static readonly HashSet<string> Numbers = ["temperature", "top_p"];

    public static JsonObject Build(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new JsonObject
        {
            ["model"] = request.Model.Upstream,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = request.Prompt }),
            ["modalities"] = new JsonArray("image", "text"),
        };
        JsonObject? imageConfig = null;
        foreach (var (key, value) in request.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (key.StartsWith(ImageConfigPrefix, StringComparison.Ordinal))
            {
                imageConfig ??= [];
                imageConfig[key[ImageConfigPrefix.Length..]] = JsonRead.Option(key, value);
                continue;
            }
            if (Reserved.Contains(key)) continue;
            body[key] = JsonRead.Option(key, value, Integers, Numbers);
        }
        if (imageConfig is not null) body["image_config"] = imageConfig;
        return body;
    }
}
