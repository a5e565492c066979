using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Stability;

/// <summary>
/// Stability AI Stable Image (POST {base}/v2beta/stable-image/generate/{ultra|core|sd3}, multipart/form-data,
/// Bearer key). Synchronous. With Accept: image/* (default) the body is the image and finish-reason/seed are
/// headers; with the catalog option accept: application/json the body is {image, finish_reason, seed}.
/// </summary>
public sealed class StabilityProvider : IImageProvider
{
    public const string FamilyName = "stability";

    private readonly ProviderHttp _http;
    private readonly RetryPolicy _policy;

    public StabilityProvider(ProviderHttp http, RetryPolicy? policy = null)
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
        var fields = StabilityRequestBody.Build(request);
        var json = StabilityRequestBody.WantsJson(request);
        var endpoint = UrlJoin.Combine(request.Model.BaseUrl, "v2beta/stable-image/generate/" + StabilityRequestBody.Mode(request.Model.Upstream));

        var (answer, network) = await SyncExchange.SendAsync(_http, () => Post(endpoint, fields, json, request.Key), recorder, _policy, create,
            request.Key, BodyReader.DefaultCap, ct).ConfigureAwait(false);
        if (answer is null) return GenerationResult.Failed(AttemptOutcome.ProviderError, network!, request: fields);
        var requestId = answer.Header("x-request-id");
        if (!answer.IsSuccess)
        {
            var (outcome, reason) = StabilityErrorClassifier.Classify(answer.Status, answer.Text, request.Key);
            return GenerationResult.Failed(outcome, reason, answer.Status, fields) with { ProviderRequestId = requestId };
        }
        if (!answer.Body.Ok) return GenerationResult.AnswerLost(answer.Body.Failure!, answer.Status, fields) with { ProviderRequestId = requestId };

        var (parsed, failure) = json
            ? StabilityResponseParser.ParseJson(answer.Body.Bytes)
            : StabilityResponseParser.ParseBytes(answer.Body.Bytes!, answer.ContentType,
                answer.Header(StabilityResponseParser.FinishReasonHeader), answer.Header(StabilityResponseParser.SeedHeader));
        if (parsed is null) return GenerationResult.Failed(AttemptOutcome.InvalidResponse, failure!, answer.Status, fields) with { ProviderRequestId = requestId };
        if (StabilityErrorClassifier.IsFiltered(parsed.FinishReason))
            return GenerationResult.Failed(AttemptOutcome.Refused, $"finish_reason {StabilityErrorClassifier.ContentFiltered} (seed {parsed.Seed ?? "?"})", answer.Status, fields)
                with { ProviderRequestId = requestId, Seed = parsed.Seed };

        var format = fields["output_format"]?.GetValue<string>();
        return new GenerationResult
        {
            Outcome = AttemptOutcome.Ok,
            HttpStatus = answer.Status,
            ProviderRequestId = requestId,
            ImageBytes = parsed.ImageBytes,
            DeclaredContentType = json ? (format is null ? null : $"image/{format}") : answer.ContentType,
            Seed = parsed.Seed,
            Request = fields,
        };
    }

    /// <summary>Synchronous: no job to pick up, so a resumed attempt runs again.</summary>
    public Task<GenerationResult> ResumeAsync(GenerationRequest request, JobHandle job, AttemptRecorder recorder, CancellationToken ct) =>
        GenerateAsync(request, recorder, ct);

    private static HttpRequestMessage Post(Uri endpoint, System.Text.Json.Nodes.JsonObject fields, bool json, ApiKey? key) =>
        ProviderRequests.Create(HttpMethod.Post, endpoint, MultipartForm.From(fields), json ? "application/json" : "image/*").WithBearer(key);
}
