using System.Globalization;
using System.Text.Json.Nodes;

namespace ImageBench.Providers.Gemini;

/// <summary>
/// The generateContent body, as recorded: the prompt as one user text part and
/// <c>generationConfig.responseModalities ["TEXT","IMAGE"]</c>. Size is an aspect ratio
/// (<c>imageConfig.aspectRatio</c>, sent only when the request is not square — square is the default) and an
/// optional <c>image_size</c> option ("1K"/"2K"/"4K", Gemini 3 Pro). Options <c>output_mime_type</c> and
/// <c>compression_quality</c> become <c>imageConfig.imageOutputOptions</c> (the recorded Vertex form).
/// </summary>
public static class GeminiRequestBody
{
    /// <summary>The ratios Google documents for Gemini image output.</summary>
    public static readonly IReadOnlyList<string> Ratios = ["1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9"];

    public static JsonObject Build(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options;
        var modalities = options.TryGetValue("response_modalities", out var m)
            ? new JsonArray(m.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => (JsonNode)x.ToUpperInvariant()).ToArray())
            : new JsonArray("TEXT", "IMAGE");
        var config = new JsonObject { ["responseModalities"] = modalities };

        var imageConfig = new JsonObject();
        var ratio = options.TryGetValue("aspect_ratio", out var r) ? r
            : request.Width == request.Height ? null
            : GoogleEndpoint.AspectRatio(request.Width, request.Height, Ratios);
        if (ratio is not null) imageConfig["aspectRatio"] = ratio;
        if (options.TryGetValue("image_size", out var size)) imageConfig["imageSize"] = size;
        var output = new JsonObject();
        if (options.TryGetValue("output_mime_type", out var mime)) output["mimeType"] = mime;
        if (options.TryGetValue("compression_quality", out var q) && int.TryParse(q, NumberStyles.Integer, CultureInfo.InvariantCulture, out var quality))
            output["compressionQuality"] = quality;
        if (output.Count > 0) imageConfig["imageOutputOptions"] = output;
        if (imageConfig.Count > 0) config["imageConfig"] = imageConfig;

        return new JsonObject
        {
            ["contents"] = new JsonArray(new JsonObject
            {
                ["role"] = "user",
                ["parts"] = new JsonArray(new JsonObject { ["text"] = request.Prompt }),
            }),
            ["generationConfig"] = config,
        };
    }
}
