using ImageBench.Attempts;
using ImageBench.Providers.Gemini;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Imagen;

/// <summary>
/// HTTP errors share Google's envelope with Gemini. A missing image is a refusal: with includeRaiReason on,
/// Google says why (raiFilteredReason); without a reason, Imagen's documented behaviour is still to drop filtered
/// images, so the refusal says the reason was not given.
/// </summary>
public static class ImagenErrorClassifier
{
    public static (AttemptOutcome Outcome, string Reason) ClassifyHttp(int status, string body, ApiKey? secret = null) =>
        GeminiErrorClassifier.ClassifyHttp(status, body, secret);

    public static (AttemptOutcome Outcome, string Reason) ClassifyNoImage(ImagenPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        return prediction.RaiFilteredReason is { } reason
            ? (AttemptOutcome.Refused, ProviderWords.Truncate($"raiFilteredReason (moderation_stage: output): {reason}"))
            : (AttemptOutcome.Refused, "no image returned and no raiFilteredReason (Imagen drops filtered images)");
    }
}
