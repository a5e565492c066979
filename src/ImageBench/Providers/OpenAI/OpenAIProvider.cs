using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.OpenAI;

/// <summary>
/// OpenAI Images (POST /v1/images/generations). Synchronous: the response headers arrive when the image is
/// done, so everything before them is "generating" and reading the body (or fetching dall-e's URL) is "download".
/// </summary>
public sealed class OpenAIProvider : IImageProvider
{
    public const string FamilyName = "openai";
    public const string ServerMsHeader = "openai-processing-ms";

    private readonly ProviderHttp _http;
    private readonly RetryPolicy _policy;

    public OpenAIProvider(ProviderHttp http, RetryPolicy? policy = null)
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
        var body = OpenAIRequestBody.Build(request);
        var endpoint = UrlJoin.Combine(request.Model.BaseUrl, "v1/images/generations");
        var json = body.ToJsonString();

        recorder.BeginPhase(PhaseNames.Generating);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(() => BuildPost(endpoint, json, request.Key), recorder, _policy,
                PhaseNames.Generating, create, ct, request.Key).ConfigureAwait(false);
        }
        catch (Exception e) when (RetryPolicy.IsRetryableException(e) && !ct.IsCancellationRequested)
        {
            return GenerationResult.Failed(AttemptOutcome.ProviderError, create.NetworkErrorReason("", e, request.Key), request: body);
        }

        using (response)
        {
            recorder.BeginPhase(PhaseNames.Download);
            var status = (int)response.StatusCode;
            var requestId = Header(response, "x-request-id");
            var read = await BodyReader.ReadAsync(response, BodyReader.DefaultCap, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var text = read.Bytes is { } b ? Encoding.UTF8.GetString(b) : $"({read.Failure})";
                var (outcome, reason) = OpenAIErrorClassifier.Classify(status, text, request.Key);
                return GenerationResult.Failed(outcome, reason, status, body) with { ProviderRequestId = requestId };
            }
            if (!read.Ok)
                return GenerationResult.AnswerLost(read.Failure!, status, body) with { ProviderRequestId = requestId };

            var (parsed, failure) = OpenAIResponseParser.Parse(read.Bytes);
            if (parsed is null)
                return Invalid(failure!, status, body, requestId);

            var image = parsed.ImageBytes;
            var contentType = parsed.OutputFormat is { } f ? $"image/{f}" : null;
            if (image is null && parsed.ImageUrl is { } url)
            {
                // dall-e URLs are signed and expire after 60 minutes: fetch now, and never with our key.
                var download = await _http.DownloadAsync(url, recorder, _policy, BodyReader.DefaultCap, ct).ConfigureAwait(false);
                if (download.Bytes is null) return download.AsFailure(status, body) with { ProviderRequestId = requestId };
                image = download.Bytes;
                contentType = download.ContentType ?? contentType;
            }

            var done = new GenerationResult
            {
                Outcome = AttemptOutcome.Ok,
                HttpStatus = status,
                ProviderRequestId = requestId,
                ImageBytes = image,
                DeclaredContentType = contentType ?? (OpenAIRequestBody.IsDallE(request.Model.Upstream) ? "image/png" : null),
                ServerMs = ServerMs(response),
                ServerMsSource = ServerMs(response) is null ? null : ServerMsHeader,
                Usage = parsed.Usage,
                RevisedPrompt = parsed.RevisedPrompt,
                Request = body,
            };
            return await ExtraImages.AddToAsync(done, parsed.Extras, _http, recorder, _policy, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The Images API is synchronous: there is no job to resume, so a resumed attempt simply runs again.</summary>
    public Task<GenerationResult> ResumeAsync(GenerationRequest request, JobHandle job, AttemptRecorder recorder, CancellationToken ct) =>
        GenerateAsync(request, recorder, ct);

    private static HttpRequestMessage BuildPost(Uri endpoint, string json, ApiKey? key) =>
        ProviderRequests.Json(HttpMethod.Post, endpoint, json).WithBearer(key);

    private static GenerationResult Invalid(string reason, int status, JsonObject body, string? requestId) =>
        GenerationResult.Failed(AttemptOutcome.InvalidResponse, reason, status, body) with { ProviderRequestId = requestId };

    private static double? ServerMs(HttpResponseMessage response) =>
        double.TryParse(Header(response, ServerMsHeader), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0 ? ms : null;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
