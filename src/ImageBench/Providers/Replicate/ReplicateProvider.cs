using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Replicate;

/// <summary>
/// Replicate predictions. By default the create call asks for sync mode (<c>Prefer: wait</c>), so the POST is
/// "generating" and often returns with the output; otherwise (or when the wait ran out) the prediction is stored
/// and urls.get polled: starting = queued, processing = generating. Outputs are deleted after an hour, so they are
/// downloaded at once — without the key unless they live on the API host itself.
/// </summary>
public sealed class ReplicateProvider : IImageProvider
{
    public const string FamilyName = "replicate";
    public const string ServerMsSourceName = "metrics.predict_time";

    private readonly ProviderHttp _http;
    private readonly RetryPolicy _policy;

    public ReplicateProvider(ProviderHttp http, RetryPolicy? policy = null)
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
        var body = ReplicateRequestBody.Build(request);
        var json = body.ToJsonString();
        var upstream = request.Model.Upstream;
        var endpoint = ReplicateRequestBody.Version(upstream) is null
            ? UrlJoin.Combine(request.Model.BaseUrl, $"v1/models/{upstream}/predictions")
            : UrlJoin.Combine(request.Model.BaseUrl, "v1/predictions");
        var prefer = PreferHeader(request.Options);

        // In sync mode the server holds the POST while the model runs: that time is generation, not submission.
        var phase = prefer is null ? PhaseNames.Submit : PhaseNames.Generating;
        recorder.BeginPhase(phase);
        var (prediction, status, failure) = await CallAsync(HttpMethod.Post, endpoint, request.Key, json, prefer, recorder, phase, create, "create", request.Key, ct).ConfigureAwait(false);
        if (failure is not null) return failure with { Request = body };

        // The prediction exists (and is billed) from here on: store it before anything else can fail.
        await recorder.JobSubmittedAsync(new JobHandle(prediction!.Id, prediction.GetUrl?.AbsoluteUri), ct).ConfigureAwait(false);
        return await FollowAsync(request, body, prediction, status, recorder, ct).ConfigureAwait(false);
    }

    public async Task<GenerationResult> ResumeAsync(GenerationRequest request, JobHandle job, AttemptRecorder recorder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(recorder);
        var body = ReplicateRequestBody.Build(request);
        var url = GetUrlFor(request.Model.BaseUrl, job.JobId, job.PollUrl);
        recorder.BeginPhase(PhaseNames.Queued);
        var key = SendsKeyTo(url, request.Model.BaseUrl) ? request.Key : null;
        var (prediction, status, failure) = await CallAsync(HttpMethod.Get, url, key, null, null, recorder, PhaseNames.Queued, CallBilling.Free, "polling", request.Key, ct).ConfigureAwait(false);
        if (failure is not null) return failure with { Request = body, ProviderRequestId = job.JobId };
        return await FollowAsync(request, body, prediction!, status, recorder, ct).ConfigureAwait(false);
    }

    /// <summary>The key goes to the configured API host or an https *.replicate.com host; never to replicate.delivery.</summary>
    public static bool SendsKeyTo(Uri target, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (string.Equals(target.Host, baseUrl.Host, StringComparison.OrdinalIgnoreCase) && target.Scheme == baseUrl.Scheme)
            return true;
        var host = target.Host.ToLowerInvariant();
        return target.Scheme == Uri.UriSchemeHttps && (host == "api.replicate.com");
    }

    /// <summary>The catalog option <c>wait</c>: absent or "true" → "wait" (60 s), a number N → "wait=N", "false" → polling only.</summary>
    public static string? PreferHeader(IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.TryGetValue("wait", out var wait) || wait == "true") return "wait";
        if (wait == "false") return null;
        return int.TryParse(wait, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? string.Create(CultureInfo.InvariantCulture, $"wait={seconds}")
            : "wait";
    }

    private async Task<GenerationResult> FollowAsync(GenerationRequest request, JsonObject body, ReplicatePrediction prediction, int status,
        AttemptRecorder recorder, CancellationToken ct)
    {
        var pollUrl = GetUrlFor(request.Model.BaseUrl, prediction.Id, prediction.GetUrl?.AbsoluteUri);
        var pollKey = SendsKeyTo(pollUrl, request.Model.BaseUrl) ? request.Key : null;
        var unknown = new List<string>();
        while (true)
        {
            if (ReplicateErrorClassifier.ClassifyStatus(prediction, request.Key) is { } terminal)
                return Finish(GenerationResult.Failed(terminal.Outcome, terminal.Reason, status) with { ServerMs = ServerMs(prediction), ServerMsSource = Source(prediction) });
            if (prediction.Problem is { } problem)
                return Finish(GenerationResult.Failed(AttemptOutcome.InvalidResponse, problem, status));
            // Sync mode can answer "processing" with the output already there: the output decides, not the status.
            if (prediction.Output is not null)
                return Finish(await ReplicateOutput.FetchAsync(_http, _policy, request, prediction, status, recorder, ct).ConfigureAwait(false));
            switch (prediction.Status)
            {
                case ReplicateStatus.Succeeded:
                    return Finish(GenerationResult.Failed(AttemptOutcome.InvalidResponse, "prediction succeeded without output", status));
                case ReplicateStatus.Starting:
                    recorder.BeginPhase(recorder.CurrentPhase == PhaseNames.Generating ? PhaseNames.Generating : PhaseNames.Queued);
                    break;
                case ReplicateStatus.Processing:
                    recorder.BeginPhase(PhaseNames.Generating);
                    break;
                default:
                    if (!unknown.Contains(prediction.Status)) unknown.Add(prediction.Status);
                    break;
            }

            await Task.Delay(request.Model.PollInterval, recorder.Time, ct).ConfigureAwait(false);
            var (next, nextStatus, failure) = await CallAsync(HttpMethod.Get, pollUrl, pollKey, null, null, recorder,
                recorder.CurrentPhase ?? PhaseNames.Queued, CallBilling.Free, "polling", request.Key, ct).ConfigureAwait(false);
            if (failure is not null) return Finish(failure);
            (prediction, status) = (next!, nextStatus);
        }

        GenerationResult Finish(GenerationResult result) => result with
        {
            ProviderRequestId = prediction.Id,
            Seed = result.Seed ?? prediction.Seed,
            Request = body,
            Reason = unknown.Count == 0 ? result.Reason : $"{result.Reason ?? "ok"} (unknown statuses seen while polling: {string.Join(", ", unknown)})",
        };
    }

    private async Task<(ReplicatePrediction? Prediction, int Status, GenerationResult? Failure)> CallAsync(HttpMethod method, Uri url, ApiKey? key,
        string? json, string? prefer, AttemptRecorder recorder, string phase, CallBilling billing, string step, ApiKey? secret, CancellationToken ct)
    {
        // Sync-mode answers can carry the image inline as a data: URL, so the cap is the image cap.
        var answer = await JsonCall.SendAsync<ReplicatePrediction>(_http, () => Build(method, url, key, json, prefer, "application/json"), recorder, _policy,
            phase, billing, $"on {step}", secret, ReplicateErrorClassifier.ClassifyHttp, ReplicateResponseParser.Parse, ct,
            prefer is null ? JsonCall.SmallBodyCap : BodyReader.DefaultCap).ConfigureAwait(false);
        return (answer.Value, answer.Status, answer.Failure);
    }

    private static Uri GetUrlFor(Uri baseUrl, string id, string? given) =>
        given is not null && Uri.TryCreate(given, UriKind.Absolute, out var url)
            ? url
            : UrlJoin.Combine(baseUrl, "v1/predictions/" + Uri.EscapeDataString(id));

    internal static double? ServerMs(ReplicatePrediction p) => p.PredictSeconds * 1000;

    internal static string? Source(ReplicatePrediction p) => p.PredictSeconds is null ? null : ServerMsSourceName;

    internal static HttpRequestMessage Build(HttpMethod method, Uri url, ApiKey? key, string? json, string? prefer, string accept)
    {
        var message = new HttpRequestMessage(method, url);
        if (json is not null) message.Content = new StringContent(json, Encoding.UTF8, "application/json");
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (prefer is not null) message.Headers.TryAddWithoutValidation("Prefer", prefer);
        if (key is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Reveal());
        return message;
    }
}
