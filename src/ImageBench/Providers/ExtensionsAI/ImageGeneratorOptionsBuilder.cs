using System.Drawing;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace ImageBench.Providers.ExtensionsAI;

/// <summary>
/// Maps a <see cref="GenerationRequest"/> onto Microsoft.Extensions.AI's options: model id, one image, the size,
/// bytes (not URLs) back, and catalog options as AdditionalProperties for generators that read them.
/// The JSON twin is what gets stored as GenerationResult.Request, since the generator's wire body is hidden.
/// </summary>
public static class ImageGeneratorOptionsBuilder
{
    public static ImageGenerationOptions Build(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new ImageGenerationOptions
        {
            ModelId = request.Model.Upstream,
            Count = 1,
            ImageSize = new Size(request.Width, request.Height),
            ResponseFormat = ImageGenerationResponseFormat.Data,
        };
        if (request.Options.TryGetValue("media_type", out var mediaType)) options.MediaType = mediaType;
        if (request.Options.Count > 0)
        {
            options.AdditionalProperties = [];
            foreach (var (key, value) in request.Options) options.AdditionalProperties[key] = value;
        }
        return options;
    }

    public static JsonObject Describe(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new JsonObject
        {
            ["model"] = request.Model.Upstream,
            ["prompt"] = request.Prompt,
            ["count"] = 1,
            ["image_size"] = $"{request.Width}x{request.Height}",
            ["response_format"] = "data",
        };
        foreach (var (key, value) in request.Options.OrderBy(o => o.Key, StringComparer.Ordinal)) body[key] = value;
        return body;
    }
}
