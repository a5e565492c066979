using System.Text.Json.Nodes;
using ImageBench.Emulator.Rendering;

namespace ImageBench.Emulator.Imagen;

/// <summary>:predict answers in the documented shape: predictions[{bytesBase64Encoded, mimeType}] or a filter reason.</summary>
internal static class ImagenAnswers
{
    /// <summary>A filtered image is dropped; with includeRaiReason its place holds raiFilteredReason instead.</summary>
    public static JsonObject Predictions(RenderedImage? image, bool includeRaiReason)
    {
        if (image is not null)
        {
            return new JsonObject
            {
                ["predictions"] = new JsonArray(new JsonObject
                {
                    ["bytesBase64Encoded"] = Convert.ToBase64String(image.Bytes),
                    ["mimeType"] = image.ContentType,
                }),
            };
        }
        return includeRaiReason
            ? new JsonObject
            {
                ["predictions"] = new JsonArray(new JsonObject
                {
                    ["raiFilteredReason"] = "Your current safety filter threshold filtered out the generated image. Try rephrasing the prompt. Support codes: 56562880",
                }),
            }
            : new JsonObject();
    }
}
