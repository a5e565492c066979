using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImageBench.Scoring.Judge.Replay;

/// <summary>
/// One recorded judge call, one JSON object per line of a <c>.jsonl</c> file. <see cref="Request"/> and
/// <see cref="Sample"/> identify the call; the rest is what came back (or the failure) and readable context.
/// </summary>
/// <param name="Request">SHA-256 of the request's messages (<see cref="ChatRequestKey"/>): roles, texts, and each image's media type and SHA-256.</param>
/// <param name="Sample">0 for the first identical request, 1 for the second, … (a judge sends each request once per sample).</param>
/// <param name="ImageSha256">SHA-256 of the image sent (the re-encoded PNG), for people reading the file.</param>
/// <param name="Questions">The checklist ids asked, for people reading the file.</param>
/// <param name="Text">The judge's reply text; null when the call failed.</param>
/// <param name="Error">Why the call failed; replaying it fails the same way.</param>
public sealed record JudgeRecord(
    [property: JsonPropertyName("request")] string Request,
    [property: JsonPropertyName("sample")] int Sample,
    [property: JsonPropertyName("image_sha256")] string? ImageSha256 = null,
    [property: JsonPropertyName("questions")] IReadOnlyList<string>? Questions = null,
    [property: JsonPropertyName("model")] string? Model = null,
    [property: JsonPropertyName("text")] string? Text = null,
    [property: JsonPropertyName("input_tokens")] long? InputTokens = null,
    [property: JsonPropertyName("output_tokens")] long? OutputTokens = null,
    [property: JsonPropertyName("error")] string? Error = null)
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);
}
