using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Bfl;

/// <summary>
/// Black Forest Labs FLUX API: submit (POST /v1/{endpoint}), store the job, poll the returned polling_url until a
/// terminal status, then fetch result.sample from the delivery host. Phases follow what BFL tells us: queued
/// while Pending without progress, generating once it reports progress, download from Ready on.
/// </summary>
public sealed class BflProvider : IImageProvider
{
    public const string FamilyName = "bfl";
    public const string KeyHeader = "x-key";
    public const string ServerMsSourceName = "result.duration";

    private readonly ProviderHttp _http;
    private readonly RetryPolicy _policy;

    public BflProvider(ProviderHttp http, RetryPolicy? policy = null)
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
        var body = BflRequestBody.Build(request);
        var json = body.ToJsonString();
        var endpoint = UrlJoin.Combine(request.Model.BaseUrl, "v1/" + request.Model.Upstream);

        recorder.BeginPhase(PhaseNames.Submit);
        var submit = await JsonCall.SendAsync<BflSubmission>(_http, () => Build(HttpMethod.Post, endpoint, request.Key, json), recorder, _policy,
            PhaseNames.Submit, create, "on submit", request.Key, BflErrorClassifier.ClassifyHttp, BflResponseParser.ParseSubmit, ct).ConfigureAwait(false);
        if (submit.Value is not { } submission) return submit.Failure! with { Request = body };

        // The job exists (and is billed) from here on: it must be in the store before anything else can fail.
        var pollUrl = PollUrlFor(request.Model.BaseUrl, submission.Id, submission.PollingUrl);
        await recorder.JobSubmittedAsync(new JobHandle(submission.Id, submission.PollingUrl), ct).ConfigureAwait(false);
        return await PollAsync(request, body, submission.Id, pollUrl, recorder, ct).ConfigureAwait(false);
    }

    public Task<GenerationResult> ResumeAsync(GenerationRequest request, JobHandle job, AttemptRecorder recorder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(recorder);
        var pollUrl = PollUrlFor(request.Model.BaseUrl, job.JobId, job.PollUrl);
        return PollAsync(request, BflRequestBody.Build(request), job.JobId, pollUrl, recorder, ct);
    }

    /// <summary>
    /// Whether the key may go to <paramref name="target"/>: the configured API host, or an https BFL API host
    /// (api.bfl.ai, api.eu1.bfl.ai, api.bfl.ml …). Never a delivery host, never anything else.
    /// </summary>
    public static bool SendsKeyTo(Uri target, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (string.Equals(target.Host, baseUrl.Host, StringComparison.OrdinalIgnoreCase) && target.Scheme == baseUrl.Scheme)
            return true;
        if (target.Scheme != Uri.UriSchemeHttps) return false;
        var host = target.Host.ToLowerInvariant();
        var firstLabel = host.Split('.')[0];
        return firstLabel.StartsWith("api", StringComparison.Ordinal)
               && (host.EndsWith(".bfl.ai", StringComparison.Ordinal) || host.EndsWith(".bfl.ml", StringComparison.Ordinal));
    }

    private async Task<GenerationResult> PollAsync(GenerationRequest request, JsonObject body, string jobId, Uri pollUrl,
        AttemptRecorder recorder, CancellationToken ct)
    {
        var key = SendsKeyTo(pollUrl, request.Model.BaseUrl) ? request.Key : null;
        var unknown = new List<string>();
        var started = false;
        recorder.BeginPhase(PhaseNames.Queued);
        while (true)
        {
            await Task.Delay(request.Model.PollInterval, recorder.Time, ct).ConfigureAwait(false);
            var call = await JsonCall.SendAsync<BflPoll>(_http, () => Build(HttpMethod.Get, pollUrl, key, null), recorder, _policy,
                recorder.CurrentPhase ?? PhaseNames.Queued, CallBilling.Free, "while polling", request.Key, BflErrorClassifier.ClassifyHttp, BflResponseParser.ParsePoll, ct).ConfigureAwait(false);
            if (call.Value is not { } poll) return Fail(call.Failure!.Outcome, call.Failure.Reason!, call.Failure.HttpStatus);
            var status = call.Status;

            if (BflErrorClassifier.ClassifyStatus(poll) is { } terminal)
                return Fail(terminal.Outcome, terminal.Reason, status);

            switch (poll.Status)
            {
                case BflStatus.Ready:
                    return await DownloadAsync(request, body, jobId, poll, status, unknown, recorder, ct).ConfigureAwait(false);
                case BflStatus.Pending:
                    // Progress is the only sign BFL gives that work began; once begun, never back to queued.
                    started |= poll.Progress > 0;
                    recorder.BeginPhase(started ? PhaseNames.Generating : PhaseNames.Queued);
                    break;
                case BflStatus.Generating or BflStatus.Reasoning:
                    started = true;
                    recorder.BeginPhase(PhaseNames.Generating);
                    break;
                default:
                    if (!unknown.Contains(poll.Status)) unknown.Add(poll.Status);
                    break;
            }
        }

        GenerationResult Fail(AttemptOutcome outcome, string reason, int? httpStatus) =>
            GenerationResult.Failed(outcome, WithUnknown(reason, unknown), httpStatus, body) with { ProviderRequestId = jobId };
    }

    private async Task<GenerationResult> DownloadAsync(GenerationRequest request, JsonObject body, string jobId, BflPoll poll,
        int pollStatus, List<string> unknown, AttemptRecorder recorder, CancellationToken ct)
    {
        recorder.BeginPhase(PhaseNames.Download);
        if (poll.Sample is null)
            return GenerationResult.Failed(AttemptOutcome.InvalidResponse, WithUnknown("status Ready without result.sample", unknown), pollStatus, body)
                with { ProviderRequestId = jobId };
        // Delivery URLs are signed; the key never goes there, even when it shares a host with the API.
        var download = await _http.DownloadAsync(poll.Sample, recorder, _policy, BodyReader.DefaultCap, ct).ConfigureAwait(false);
        if (download.Bytes is null)
            return download.AsFailure(null, body, WithUnknown(download.Failure!, unknown)) with { ProviderRequestId = jobId };
        var declared = download.ContentType
                       ?? (request.Options.TryGetValue("output_format", out var f) ? $"image/{f}" : null);
        return new GenerationResult
        {
            Outcome = AttemptOutcome.Ok,
            Reason = unknown.Count > 0 ? WithUnknown("ok", unknown) : null,
            HttpStatus = download.HttpStatus,
            ProviderRequestId = jobId,
            ImageBytes = download.Bytes,
            DeclaredContentType = declared,
            ServerMs = poll.DurationSeconds * 1000,
            ServerMsSource = poll.DurationSeconds is null ? null : ServerMsSourceName,
            RevisedPrompt = poll.Prompt,
            Seed = poll.Seed,
            Request = body,
        };
    }

    private static Uri PollUrlFor(Uri baseUrl, string jobId, string? pollingUrl) =>
        pollingUrl is not null && Uri.TryCreate(pollingUrl, UriKind.Absolute, out var given)
            ? given
            : UrlJoin.Combine(baseUrl, "v1/get_result?id=" + Uri.EscapeDataString(jobId));

    private static HttpRequestMessage Build(HttpMethod method, Uri url, ApiKey? key, string? json) =>
        ProviderRequests.Json(method, url, json).WithKeyHeader(KeyHeader, key);

    private static string WithUnknown(string reason, List<string> unknown) =>
        unknown.Count == 0 ? reason : $"{reason} (unknown statuses seen while polling: {string.Join(", ", unknown)})";
}
