using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Recraft;

/// <summary>
/// Recraft (POST {base}/v1/images/generations, OpenAI-compatible). Synchronous; the image URL is temporary and
/// fetched at once without the token. The answer's credits are API units, reported as USD at 1,000 units per
/// dollar (Recraft's documented rate) with cost source "api".
/// </summary>
public sealed class RecraftProvider : IImageProvider
{
    public const string FamilyName = "recraft";

    private readonly ProviderHttp _http;
    private readonly RetryPolicy _policy;

    public RecraftProvider(ProviderHttp http, RetryPolicy? policy = null)
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
        var body = RecraftRequestBody.Build(request);
        var json = body.ToJsonString();
        var endpoint = UrlJoin.Combine(request.Model.BaseUrl, "v1/images/generations");

        var call = await SyncExchange.SendParsedAsync(_http, () => Post(endpoint, json, request.Key), recorder, _policy, create,
            request.Key, BodyReader.DefaultCap,
            RecraftErrorClassifier.Classify, RecraftResponseParser.Parse, ct).ConfigureAwait(false);
        if (call.Failure is not null) return call.Failure with { Request = body };
        var (answer, parsed) = (call.Answer!, call.Value!);

        var done = new GenerationResult
        {
            Outcome = AttemptOutcome.Ok,
            HttpStatus = answer.Status,
            ProviderRequestId = parsed.ImageId,
            ReportedCostUsd = parsed.Credits is { } c ? RecraftResponseParser.CreditsToUsd(c) : null,
            Request = body,
        };
        var first = parsed.ImageBytes is { } bytes
            ? done with { ImageBytes = bytes }
            : await SyncExchange.DownloadAsync(_http, parsed.ImageUrl!, recorder, _policy, done, ct).ConfigureAwait(false);
        return await ExtraImages.AddToAsync(first, parsed.Extras, _http, recorder, _policy, ct).ConfigureAwait(false);
    }

    /// <summary>Synchronous: no job to pick up, so a resumed attempt runs again.</summary>
    public Task<GenerationResult> ResumeAsync(GenerationRequest request, JobHandle job, AttemptRecorder recorder, CancellationToken ct) =>
        GenerateAsync(request, recorder, ct);

    private static HttpRequestMessage Post(Uri endpoint, string json, ApiKey? key) =>
        ProviderRequests.Json(HttpMethod.Post, endpoint, json).WithBearer(key);
}
