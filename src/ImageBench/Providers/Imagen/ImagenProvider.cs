using ImageBench.Attempts;
using ImageBench.Providers.Gemini;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Imagen;

/// <summary>
/// Imagen 4 through :predict on the Gemini API (or Vertex, same <c>api: vertex</c> option as Gemini). Synchronous:
/// "generating" until the response headers, "download" while the base64 body is read. Follows the documented
/// contract; no real capture exists.
/// </summary>
public sealed class ImagenProvider : IImageProvider
{
    public const string FamilyName = "imagen";

    private readonly ProviderHttp _http;
    private readonly RetryPolicy _policy;

    public ImagenProvider(ProviderHttp http, RetryPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _policy = policy ?? RetryPolicy.Default;
    }

    public string Family => FamilyName;

    public Task<GenerationResult> GenerateAsync(GenerationRequest request, AttemptRecorder recorder, CancellationToken ct) =>
        CallBilling.CreatingPaidWorkAsync(create => GenerateAsync(request, recorder, create, ct));

    private async Task<GenerationResult> GenerateAsync(GenerationRequest request, AttemptRecorder recorder, CallBilling create, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(recorder);
        var body = ImagenRequestBody.Build(request);
        var endpoint = GoogleEndpoint.For(request, "predict");
        var (read, status, serverMs, failure) = await GoogleCall.PostAsync(_http, _policy, create, endpoint, body, request.Key, recorder, ct).ConfigureAwait(false);
        if (failure is not null) return failure;
        var source = serverMs is null ? null : GeminiProvider.ServerMsSourceName;

        var (prediction, invalid) = ImagenResponseParser.Parse(read!);
        if (prediction is null)
            return GenerationResult.Failed(AttemptOutcome.InvalidResponse, invalid!, status, body) with { ServerMs = serverMs, ServerMsSource = source };
        if (prediction.ImageBytes is null)
        {
            var (outcome, reason) = ImagenErrorClassifier.ClassifyNoImage(prediction);
            return GenerationResult.Failed(outcome, reason, status, body) with { ServerMs = serverMs, ServerMsSource = source };
        }
        var done = new GenerationResult
        {
            Outcome = AttemptOutcome.Ok,
            HttpStatus = status,
            ImageBytes = prediction.ImageBytes,
            DeclaredContentType = prediction.MimeType,
            ServerMs = serverMs,
            ServerMsSource = source,
            RevisedPrompt = prediction.EnhancedPrompt,
            Request = body,
        };
        return await ExtraImages.AddToAsync(done, prediction.Extras, _http, recorder, _policy, ct).ConfigureAwait(false);
    }

    /// <summary>:predict is synchronous: there is no job to resume, so a resumed attempt simply runs again.</summary>
    public Task<GenerationResult> ResumeAsync(GenerationRequest request, JobHandle job, AttemptRecorder recorder, CancellationToken ct) =>
        GenerateAsync(request, recorder, ct);
}
