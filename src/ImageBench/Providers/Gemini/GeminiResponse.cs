using ImageBench.Attempts;

namespace ImageBench.Providers.Gemini;

/// <summary>What a 200 from generateContent says, reduced to what the adapter acts on.</summary>
/// <param name="Text">The model's non-thought text parts joined, when any.</param>
/// <param name="BlockReason">promptFeedback.blockReason: the prompt was blocked before generation.</param>
public sealed record GeminiResponse(
    byte[]? ImageBytes,
    string? MimeType,
    string? Text,
    string? FinishReason,
    string? FinishMessage,
    string? BlockReason,
    string? BlockMessage,
    TokenUsage? Usage,
    string? ResponseId)
{
    /// <summary>Final-answer images after the first: later inlineData parts and other candidates' images.</summary>
    public IReadOnlyList<Http.ExtraImageSource> Extras { get; init; } = [];
}
