using System.Text.Json;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Imagen;

/// <summary>Pure reading of a :predict 200 body (documented shape; no capture exists). Never throws for what the server sent.</summary>
public static class ImagenResponseParser
{
    /// <summary>
    /// The first prediction with an image (and the later ones that have one), else the first filter reason. An answer with no predictions at all is
    /// returned as an empty prediction: Imagen drops filtered images from the list, so "nothing" means "filtered".
    /// </summary>
    public static (ImagenPrediction? Prediction, string? Failure) Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "response is not a JSON object");
            if (!root.TryGetProperty("predictions", out var predictions) || predictions.ValueKind == JsonValueKind.Null)
                return (new ImagenPrediction(null, null, null, null), null);
            if (predictions.ValueKind != JsonValueKind.Array) return (null, "predictions is not an array");
            string? filtered = null;
            for (var i = 0; i < predictions.GetArrayLength(); i++)
            {
                var p = predictions[i];
                if (p.ValueKind != JsonValueKind.Object) return (null, "a prediction is not an object");
                filtered ??= Text(p, "raiFilteredReason");
                if (Text(p, "bytesBase64Encoded") is not { } b64) continue;
                byte[] bytes;
                try
                {
                    bytes = Convert.FromBase64String(b64);
                }
                catch (FormatException)
                {
                    return (null, "bytesBase64Encoded is not valid base64");
                }
                if (bytes.Length == 0) return (null, "bytesBase64Encoded is empty");
                var extras = new List<ExtraImageSource>();
                for (var j = i + 1; j < predictions.GetArrayLength(); j++)
                    if (predictions[j].ValueKind == JsonValueKind.Object && Text(predictions[j], "bytesBase64Encoded") is { } more)
                        extras.Add(ExtraImages.FromBase64(more, $"predictions[{j}].bytesBase64Encoded", Text(predictions[j], "mimeType")));
                return (new ImagenPrediction(bytes, Text(p, "mimeType"), null, Text(p, "prompt")) { Extras = extras }, null);
            }
            return (new ImagenPrediction(null, null, filtered, null), null);
        }
        catch (JsonException e)
        {
            return (null, $"response is not JSON: {e.Message}");
        }
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
