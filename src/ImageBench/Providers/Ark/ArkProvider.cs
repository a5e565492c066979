using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Ark;

/// <summary>
/// ByteDance Seedream on BytePlus ModelArk / Volcengine Ark (POST {base}/api/v3/images/generations). Synchronous
/// and OpenAI-like. Result URLs are signed TOS links on a storage host: fetched at once, never with the key.
/// </summary>
public sealed class ArkProvider : IImageProvider
{
    public const string FamilyName = "ark";

    private readonly ProviderHttp _http;
    private readonly RetryPolicy _policy;

    public ArkProvider(ProviderHttp http, RetryPolicy? policy = null)
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
        var body = ArkRequestBody.Build(request);
        var json = body.ToJsonString();
        var endpoint = UrlJoin.Combine(request.Model.BaseUrl, "api/v3/images/generations");

        var call = await SyncExchange.SendParsedAsync(_http, () => Post(endpoint, json, request.Key), recorder, _policy, create,
            request.Key, BodyReader.DefaultCap,
            ArkErrorClassifier.ClassifyHttp, ArkResponseParser.Parse, ct).ConfigureAwait(false);
        if (call.Failure is not null) return call.Failure with { Request = body, ProviderRequestId = call.Answer?.Header("x-request-id") };
        var (answer, parsed) = (call.Answer!, call.Value!);
        var requestId = answer.Header("x-request-id");

        var done = new GenerationResult
        {
            Outcome = AttemptOutcome.Ok,
            HttpStatus = answer.Status,
            ProviderRequestId = requestId,
            Usage = parsed.Usage,
            Request = body,
        };
        if (parsed.ErrorCode is not null || parsed.ErrorMessage is not null)
        {
            var (outcome, reason) = ArkErrorClassifier.Classify(parsed.ErrorCode, parsed.ErrorMessage, "data[0].error", request.Key);
            return done with { Outcome = outcome, Reason = reason };
        }
        var first = parsed.ImageBytes is { } bytes
            ? done with { ImageBytes = bytes, DeclaredContentType = DeclaredType(request) }
            : await SyncExchange.DownloadAsync(_http, parsed.ImageUrl!, recorder, _policy,
                done with { DeclaredContentType = DeclaredType(request) }, ct).ConfigureAwait(false);
        return await ExtraImages.AddToAsync(first, parsed.Extras, _http, recorder, _policy, ct).ConfigureAwait(false);
    }

    /// <summary>Synchronous: no job to pick up, so a resumed attempt runs again.</summary>
    public Task<GenerationResult> ResumeAsync(GenerationRequest request, JobHandle job, AttemptRecorder recorder, CancellationToken ct) =>
        GenerateAsync(request, recorder, ct);

    /// <summary>Seedream 4.x serves JPEG; 5.0 takes output_format.</summary>
    private static string DeclaredType(GenerationRequest request) =>
        request.Options.TryGetValue("output_format", out var f) ? $"image/{f}" : "image/jpeg";

    private static HttpRequestMessage Post(Uri endpoint, string json, ApiKey? key) =>
        ProviderRequests.Json(HttpMethod.Post, endpoint, json).WithBearer(key);
}
