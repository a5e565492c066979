using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.OpenRouter;

/// <summary>
/// OpenRouter chat completions with image output (POST {base}/api/v1/chat/completions). Synchronous: the image
/// comes back inline as a data: URL, so the whole body is read under "download". usage.cost is the money
/// OpenRouter charged, in USD, and becomes the attempt's cost (source "api").
/// </summary>
public sealed class OpenRouterProvider : IImageProvider
{
    public const string FamilyName = "openrouter";

    private readonly ProviderHttp _http;
    private readonly RetryPolicy _policy;

    public OpenRouterProvider(ProviderHttp http, RetryPolicy? policy = null)
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
        var body = OpenRouterRequestBody.Build(request);
        var json = body.ToJsonString();
        var endpoint = UrlJoin.Combine(request.Model.BaseUrl, "api/v1/chat/completions");

        var call = await SyncExchange.SendParsedAsync(_http, () => Post(endpoint, json, request.Key), recorder, _policy, create,
            request.Key, BodyReader.DefaultCap,
            OpenRouterErrorClassifier.ClassifyHttp, OpenRouterResponseParser.Parse, ct).ConfigureAwait(false);
        if (call.Failure is not null) return call.Failure with { Request = body };
        var (answer, parsed) = (call.Answer!, call.Value!);
        var done = new GenerationResult
        {
            Outcome = AttemptOutcome.Ok,
            HttpStatus = answer.Status,
            ProviderRequestId = parsed.Id,
            Usage = parsed.Usage,
            // Charged even when no image came back, so it is kept on failures too.
            ReportedCostUsd = parsed.CostUsd,
            Request = body,
        };
        if (parsed.Error is { } error && parsed.ImageUrl is null)
        {
            var (outcome, reason) = OpenRouterErrorClassifier.Classify(answer.Status, error, request.Key);
            return done with { Outcome = outcome, Reason = reason };
        }
        if (parsed.ImageUrl is null)
        {
            var (outcome, reason) = OpenRouterErrorClassifier.ClassifyNoImage(parsed);
            return done with { Outcome = outcome, Reason = reason };
        }
        var first = await FirstImageAsync(parsed.ImageUrl, done, recorder, ct).ConfigureAwait(false);
        return await ExtraImages.AddToAsync(first, parsed.Extras, _http, recorder, _policy, ct).ConfigureAwait(false);
    }

    private async Task<GenerationResult> FirstImageAsync(string imageUrl, GenerationResult done, AttemptRecorder recorder, CancellationToken ct)
    {
        if (imageUrl.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var (bytes, mediaType, decodeFailure) = DataUrl.Decode(imageUrl);
            return bytes is null
                ? done with { Outcome = AttemptOutcome.InvalidResponse, Reason = $"choices[0].message.images[0]: {decodeFailure}" }
                : done with { ImageBytes = bytes, DeclaredContentType = mediaType };
        }
        return SyncExchange.IsHttpUrl(imageUrl, out var url)
            ? await SyncExchange.DownloadAsync(_http, url, recorder, _policy, done, ct).ConfigureAwait(false)
            : done with { Outcome = AttemptOutcome.InvalidResponse, Reason = "choices[0].message.images[0] is neither a data: nor an http(s) URL" };
    }

    /// <summary>Synchronous: no job to pick up, so a resumed attempt runs again.</summary>
    public Task<GenerationResult> ResumeAsync(GenerationRequest request, JobHandle job, AttemptRecorder recorder, CancellationToken ct) =>
        GenerateAsync(request, recorder, ct);

    private static HttpRequestMessage Post(Uri endpoint, string json, ApiKey? key) =>
        ProviderRequests.Json(HttpMethod.Post, endpoint, json).WithBearer(key);
}
