using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Gemini;

/// <summary>
/// Gemini image models ("Nano Banana") through generateContent. Synchronous like OpenAI Images: "generating" until
/// the response headers, "download" while the (multi-megabyte, base64-carrying) body is read and decoded.
/// </summary>
public sealed class GeminiProvider : IImageProvider
{
    public const string FamilyName = "gemini";
    public const string ServerMsSourceName = "server-timing dur";

    private readonly ProviderHttp _http;
    private readonly RetryPolicy _policy;

    public GeminiProvider(ProviderHttp http, RetryPolicy? policy = null)
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
        var body = GeminiRequestBody.Build(request);
        var endpoint = GoogleEndpoint.For(request, "generateContent");
        var (read, status, serverMs, failure) = await GoogleCall.PostAsync(_http, _policy, create, endpoint, body, request.Key, recorder, ct).ConfigureAwait(false);
        if (failure is not null) return failure;

        var (parsed, invalid) = GeminiResponseParser.Parse(read!);
        if (parsed is null) return GenerationResult.Failed(AttemptOutcome.InvalidResponse, invalid!, status, body) with { ServerMs = serverMs, ServerMsSource = Source(serverMs) };
        if (parsed.ImageBytes is null)
        {
            var (outcome, reason) = GeminiErrorClassifier.ClassifyNoImage(parsed);
            return GenerationResult.Failed(outcome, reason, status, body) with
            {
                ProviderRequestId = parsed.ResponseId, Usage = parsed.Usage, ServerMs = serverMs, ServerMsSource = Source(serverMs),
            };
        }
        var done = new GenerationResult
        {
            Outcome = AttemptOutcome.Ok,
            // The model's words beside the image ("Here's your axolotl!") are kept, not lost.
            Reason = parsed.Text is null ? null : ProviderWords.Truncate($"model text: {parsed.Text}"),
            HttpStatus = status,
            ProviderRequestId = parsed.ResponseId,
            ImageBytes = parsed.ImageBytes,
            DeclaredContentType = parsed.MimeType,
            ServerMs = serverMs,
            ServerMsSource = Source(serverMs),
            Usage = parsed.Usage,
            Request = body,
        };
        return await ExtraImages.AddToAsync(done, parsed.Extras, _http, recorder, _policy, ct).ConfigureAwait(false);
    }

    /// <summary>generateContent is synchronous: there is no job to resume, so a resumed attempt simply runs again.</summary>
    public Task<GenerationResult> ResumeAsync(GenerationRequest request, JobHandle job, AttemptRecorder recorder, CancellationToken ct) =>
        GenerateAsync(request, recorder, ct);

    private static string? Source(double? serverMs) => serverMs is null ? null : ServerMsSourceName;
}
