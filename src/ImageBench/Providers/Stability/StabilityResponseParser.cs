using System.Text.Json;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Stability;

/// <summary>A Stability answer in either form: the image and the finish reason and seed that came with it.</summary>
public sealed record StabilityAnswer(byte[] ImageBytes, string? FinishReason, string? Seed);

/// <summary>Reads both answer forms: raw bytes with finish-reason/seed headers, or {image, finish_reason, seed}.</summary>
public static class StabilityResponseParser
{
    public const string FinishReasonHeader = "finish-reason";
    public const string SeedHeader = "seed";

    public static (StabilityAnswer? Answer, string? Failure) ParseBytes(byte[] body, string? contentType, string? finishReason, string? seed)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (contentType is not null && !contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            return (null, $"asked for image/* but got {contentType}");
        return body.Length == 0 ? (null, "image body is empty") : (new StabilityAnswer(body, finishReason, seed), null);
    }

    public static (StabilityAnswer? Answer, string? Failure) ParseJson(ReadOnlySpan<byte> body)
    {
        var (doc, failure) = JsonRead.Parse(body, "response");
        if (doc is null) return (null, failure);
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "response is not a JSON object");
            var finish = JsonRead.Text(root, "finish_reason");
            var seed = JsonRead.Code(root, "seed");
            if (JsonRead.Text(root, "image") is not { } b64) return (null, "response has no image");
            try
            {
                var bytes = Convert.FromBase64String(b64);
                return bytes.Length == 0 ? (null, "image is empty") : (new StabilityAnswer(bytes, finish, seed), null);
            }
            catch (FormatException)
            {
                return (null, "image is not valid base64");
            }
        }
    }
}
