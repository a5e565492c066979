using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Fal;

/// <summary>
/// fal.ai queue API: submit (POST {BaseUrl}/{app}), store the job, poll the returned status_url (IN_QUEUE = queued,
/// IN_PROGRESS = generating), then on COMPLETED fetch response_url (same API host, with the key) and download
/// images[0].url from fal's CDN at once, without the key.
/// </summary>
public sealed class FalProvider : IImageProvider
{
    public const string FamilyName = "fal";
    public const string ServerMsSourceName = "timings.inference";

    private readonly ProviderHttp _http;
    private readonly RetryPolicy _policy;

    public FalProvider(ProviderHttp http, RetryPolicy? policy = null)
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
        var body = FalRequestBody.Build(request);
        var json = body.ToJsonString();
        var endpoint = UrlJoin.Combine(request.Model.BaseUrl, request.Model.Upstream);

        recorder.BeginPhase(PhaseNames.Submit);
        var (read, status, failure) = await GetJsonAsync(HttpMethod.Post, endpoint, request.Key, json, recorder, PhaseNames.Submit, create, "submit", ct).ConfigureAwait(false);
        if (failure is not null) return failure with { Request = body };
        var (submission, invalid) = FalResponseParser.ParseSubmit(read!);
        if (submission is null) return GenerationResult.Failed(AttemptOutcome.InvalidResponse, invalid!, status, body);

        // The request exists (and is billed) from here on: it must be in the store before anything else can fail.
        var job = new JobHandle(submission.RequestId, submission.StatusUrl?.AbsoluteUri, submission.ResponseUrl?.AbsoluteUri);
        await recorder.JobSubmittedAsync(job, ct).ConfigureAwait(false);
        return await PollAsync(request, body, job, recorder, ct).ConfigureAwait(false);
    }

    public Task<GenerationResult> ResumeAsync(GenerationRequest request, JobHandle job, AttemptRecorder recorder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(recorder);
        return PollAsync(request, FalRequestBody.Build(request), job, recorder, ct);
    }

    /// <summary>
    /// Whether the key may go to <paramref name="target"/>: the configured API host, or an https fal API host
    /// (queue.fal.run, fal.run). Never the CDN (v3.fal.media, fal.media storage), never anything else.
    /// </summary>
    public static bool SendsKeyTo(Uri target, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (string.Equals(target.Host, baseUrl.Host, StringComparison.OrdinalIgnoreCase) && target.Scheme == baseUrl.Scheme)
            return true;
        var host = target.Host.ToLowerInvariant();
        return target.Scheme == Uri.UriSchemeHttps && (host == "fal.run" || host.EndsWith(".fal.run", StringComparison.Ordinal));
    }

    /// <summary>
    /// When a stored handle lacks URLs, they are rebuilt the way fal builds them: on the app's first two path
    /// segments (fal-ai/flux-pro/v1.1 → fal-ai/flux-pro/requests/{id}).
    /// </summary>
    public static (Uri Status, Uri Result) UrlsFor(Uri baseUrl, string app, JobHandle job)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(job);
        var appBase = string.Join('/', app.Split('/', StringSplitOptions.RemoveEmptyEntries).Take(2));
        var result = job.ResultUrl is { } r && Uri.TryCreate(r, UriKind.Absolute, out var given)
            ? given
            : UrlJoin.Combine(baseUrl, $"{appBase}/requests/{Uri.EscapeDataString(job.JobId)}");
        var status = job.PollUrl is { } p && Uri.TryCreate(p, UriKind.Absolute, out var poll)
            ? poll
            : new Uri(result.AbsoluteUri.TrimEnd('/') + "/status");
        return (status, result);
    }

    private async Task<GenerationResult> PollAsync(GenerationRequest request, JsonObject body, JobHandle job, AttemptRecorder recorder, CancellationToken ct)
    {
        var (statusUrl, resultUrl) = UrlsFor(request.Model.BaseUrl, request.Model.Upstream, job);
        var statusKey = SendsKeyTo(statusUrl, request.Model.BaseUrl) ? request.Key : null;
        var unknown = new List<string>();
        recorder.BeginPhase(PhaseNames.Queued);
        while (true)
        {
            await Task.Delay(request.Model.PollInterval, recorder.Time, ct).ConfigureAwait(false);
            var phase = recorder.CurrentPhase ?? PhaseNames.Queued;
            var (read, status, failure) = await GetJsonAsync(HttpMethod.Get, statusUrl, statusKey, null, recorder, phase, CallBilling.Free, "polling", ct, request.Key).ConfigureAwait(false);
            if (failure is not null) return Finish(failure);
            var (poll, invalid) = FalResponseParser.ParseStatus(read!);
            if (poll is null) return Finish(GenerationResult.Failed(AttemptOutcome.InvalidResponse, invalid!, status));

            switch (poll.Status)
            {
                case FalStatus.InQueue:
                    break;
                case FalStatus.InProgress:
                    recorder.BeginPhase(PhaseNames.Generating);
                    break;
                case FalStatus.Completed when poll.Error is not null:
                    var (outcome, reason) = FalErrorClassifier.ClassifyStatusError(poll, request.Key);
                    return Finish(GenerationResult.Failed(outcome, reason, status));
                case FalStatus.Completed:
                    return Finish(await FetchResultAsync(request, poll.ResponseUrl ?? resultUrl, recorder, ct).ConfigureAwait(false));
                default:
                    if (!unknown.Contains(poll.Status)) unknown.Add(poll.Status);
                    break;
            }
        }

        GenerationResult Finish(GenerationResult result) => result with
        {
            ProviderRequestId = job.JobId,
            Request = body,
            Reason = unknown.Count == 0 ? result.Reason : $"{result.Reason ?? "ok"} (unknown statuses seen while polling: {string.Join(", ", unknown)})",
        };
    }

    private async Task<GenerationResult> FetchResultAsync(GenerationRequest request, Uri resultUrl, AttemptRecorder recorder, CancellationToken ct)
    {
        recorder.BeginPhase(PhaseNames.Download);
        var key = SendsKeyTo(resultUrl, request.Model.BaseUrl) ? request.Key : null;
        var (read, status, failure) = await GetJsonAsync(HttpMethod.Get, resultUrl, key, null, recorder, PhaseNames.Download, CallBilling.Free, "result", ct, request.Key, BodyReader.DefaultCap).ConfigureAwait(false);
        if (failure is not null) return failure;
        var (result, invalid) = FalResponseParser.ParseResult(read!);
        if (result is null) return GenerationResult.Failed(AttemptOutcome.InvalidResponse, invalid!, status);

        var serverMs = result.InferenceSeconds * 1000;
        var source = serverMs is null ? null : ServerMsSourceName;
        if (result.NsfwFlagged)
            return GenerationResult.Failed(AttemptOutcome.Refused, FalErrorClassifier.NsfwReason, status) with { ServerMs = serverMs, ServerMsSource = source, Seed = result.Seed };
        if (result.ImageUrl is null)
            return GenerationResult.Failed(AttemptOutcome.InvalidResponse, "result has no images[0].url", status) with { Seed = result.Seed };

        byte[] bytes;
        string? contentType;
        int httpStatus;
        if (InlineImageUrl.IsDataUrl(result.ImageUrl))
        {
            var (inline, media, bad) = InlineImageUrl.Decode(result.ImageUrl);
            if (inline is null) return GenerationResult.Failed(AttemptOutcome.InvalidResponse, $"images[0].url: {bad}", status);
            (bytes, contentType, httpStatus) = (inline, media, status);
        }
        else
        {
            // CDN files are public links: the key never goes there. Fetched now, the links are not kept forever.
            var download = await _http.DownloadAsync(new Uri(result.ImageUrl), recorder, _policy, BodyReader.DefaultCap, ct).ConfigureAwait(false);
            if (download.Bytes is null) return download.AsFailure(null);
            (bytes, contentType, httpStatus) = (download.Bytes, download.ContentType, download.HttpStatus ?? status);
        }
        var done = new GenerationResult
        {
            Outcome = AttemptOutcome.Ok,
            HttpStatus = httpStatus,
            ImageBytes = bytes,
            DeclaredContentType = result.ContentType ?? contentType,
            ServerMs = serverMs,
            ServerMsSource = source,
            Seed = result.Seed,
        };
        return await ExtraImages.AddToAsync(done, result.Extras, _http, recorder, _policy, ct).ConfigureAwait(false);
    }

    /// <summary>One JSON call through the shared submit/poll exchange, authorised with fal's "Key" scheme.</summary>
    private async Task<(byte[]? Body, int Status, GenerationResult? Failure)> GetJsonAsync(HttpMethod method, Uri url, ApiKey? key, string? json,
        AttemptRecorder recorder, string phase, CallBilling billing, string step, CancellationToken ct, ApiKey? secret = null, long cap = JsonCall.SmallBodyCap)
    {
        var answer = await JsonCall.SendAsync(_http, () => Build(method, url, key, json), recorder, _policy, phase, billing, $"on {step}",
            secret ?? key, FalErrorClassifier.ClassifyHttp, ct, cap).ConfigureAwait(false);
        return (answer.Body, answer.Status, answer.Failure);
    }

    private static HttpRequestMessage Build(HttpMethod method, Uri url, ApiKey? key, string? json) =>
        ProviderRequests.Json(method, url, json).WithKeyHeader("Authorization", key, prefix: "Key ");
}
