using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.DashScope;

/// <summary>
/// Alibaba DashScope (Qwen-Image, Wan). Default: async task — POST image-synthesis with X-DashScope-Async: enable,
/// store the task id, poll GET /api/v1/tasks/{id} (PENDING → queued, RUNNING → generating), then fetch
/// results[0].url from OSS at once and without the key. Option mode: sync uses multimodal-generation instead.
/// </summary>
public sealed class DashScopeProvider : IImageProvider
{
    public const string FamilyName = "dashscope";
    public const string ServerMsSourceName = "dashscope scheduled_time→end_time";

    private readonly ProviderHttp _http;
    private readonly RetryPolicy _policy;

    public DashScopeProvider(ProviderHttp http, RetryPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _policy = policy ?? RetryPolicy.Default;
    }

    public string Family => FamilyName;

    /// <summary>The default protocol is a task; the sync variant resumes by running again like any sync adapter.</summary>
    public Task<GenerationResult> GenerateAsync(GenerationRequest request, AttemptRecorder recorder, CancellationToken ct) =>
        CallBilling.CreatingPaidWorkAsync(create => GenerateAsync(request, recorder, create, ct));

    private async Task<GenerationResult> GenerateAsync(GenerationRequest request, AttemptRecorder recorder, CallBilling create, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(recorder);
        var body = DashScopeRequestBody.Build(request);
        if (DashScopeRequestBody.IsSync(request)) return await SyncAsync(request, body, recorder, create, ct).ConfigureAwait(false);

        var json = body.ToJsonString();
        var endpoint = UrlJoin.Combine(request.Model.BaseUrl, "api/v1/services/aigc/text2image/image-synthesis");
        recorder.BeginPhase(PhaseNames.Submit);
        var submit = await JsonCall.SendAsync<DashScopeTask>(_http, () => Build(HttpMethod.Post, endpoint, request.Key, json), recorder, _policy,
            PhaseNames.Submit, create, "on submit", request.Key, DashScopeErrorClassifier.ClassifyHttp, DashScopeResponseParser.ParseTask, ct).ConfigureAwait(false);
        if (submit.Failure is not null) return submit.Failure with { Request = body };
        var task = submit.Value!;
        if (task.TaskId is null) return GenerationResult.Failed(AttemptOutcome.InvalidResponse, "submit answer has no output.task_id", submit.Status, body);

        // The task exists (and will be billed) from here on: it must be stored before the first poll.
        var pollUrl = PollUrl(request.Model.BaseUrl, task.TaskId!);
        await recorder.JobSubmittedAsync(new JobHandle(task.TaskId!, pollUrl.AbsoluteUri), ct).ConfigureAwait(false);
        return await PollAsync(request, body, task.TaskId!, pollUrl, recorder, ct).ConfigureAwait(false);
    }

    public Task<GenerationResult> ResumeAsync(GenerationRequest request, JobHandle job, AttemptRecorder recorder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(recorder);
        if (DashScopeRequestBody.IsSync(request)) return GenerateAsync(request, recorder, ct);
        // The poll URL is always rebuilt on the configured host, so a tampered store cannot send the key elsewhere.
        return PollAsync(request, DashScopeRequestBody.Build(request), job.JobId, PollUrl(request.Model.BaseUrl, job.JobId), recorder, ct);
    }

    private async Task<GenerationResult> PollAsync(GenerationRequest request, JsonObject body, string taskId, Uri pollUrl,
        AttemptRecorder recorder, CancellationToken ct)
    {
        recorder.BeginPhase(PhaseNames.Queued);
        while (true)
        {
            await Task.Delay(request.Model.PollInterval, recorder.Time, ct).ConfigureAwait(false);
            var call = await JsonCall.SendAsync<DashScopeTask>(_http, () => Build(HttpMethod.Get, pollUrl, request.Key, null), recorder, _policy,
                recorder.CurrentPhase ?? PhaseNames.Queued, CallBilling.Free, "while polling", request.Key, DashScopeErrorClassifier.ClassifyHttp, DashScopeResponseParser.ParseTask, ct).ConfigureAwait(false);
            if (call.Value is not { } task) return Fail(call.Failure!.Outcome, call.Failure.Reason!, call.Failure.HttpStatus);
            var status = call.Status;

            switch (task.Status)
            {
                case "PENDING":
                    recorder.BeginPhase(PhaseNames.Queued);
                    break;
                case "RUNNING":
                    recorder.BeginPhase(PhaseNames.Generating);
                    break;
                case "SUCCEEDED":
                    if (task.ImageUrl is null)
                    {
                        // A task can succeed as a whole while its only image failed inspection (results[0].code).
                        var (outcome, reason) = task.Code is null
                            ? (AttemptOutcome.InvalidResponse, "task SUCCEEDED without results[0].url")
                            : DashScopeErrorClassifier.ClassifyTask(task, request.Key);
                        return Fail(outcome, reason, status);
                    }
                    return await DownloadAsync(task, Done(task, status, body, taskId), recorder, ct).ConfigureAwait(false);
                default:
                    {
                        // FAILED, CANCELED, UNKNOWN (expired) and anything new: the task will not produce an image.
                        var (outcome, reason) = DashScopeErrorClassifier.ClassifyTask(task, request.Key);
                        return Fail(outcome, reason, status);
                    }
            }
        }

        GenerationResult Fail(AttemptOutcome outcome, string reason, int? httpStatus) =>
            GenerationResult.Failed(outcome, reason, httpStatus, body) with { ProviderRequestId = taskId };
    }

    private async Task<GenerationResult> SyncAsync(GenerationRequest request, JsonObject body, AttemptRecorder recorder, CallBilling create, CancellationToken ct)
    {
        var json = body.ToJsonString();
        var endpoint = UrlJoin.Combine(request.Model.BaseUrl, "api/v1/services/aigc/multimodal-generation/generation");
        var call = await SyncExchange.SendParsedAsync(_http, () => Build(HttpMethod.Post, endpoint, request.Key, json, async: false),
            recorder, _policy, create, request.Key, JsonCall.SmallBodyCap,
            DashScopeErrorClassifier.ClassifyHttp, DashScopeResponseParser.ParseSync, ct).ConfigureAwait(false);
        if (call.Failure is not null) return call.Failure with { Request = body };
        var (answer, parsed) = (call.Answer!, call.Value!);
        return await DownloadAsync(parsed, Done(parsed, answer.Status, body, parsed.RequestId), recorder, ct).ConfigureAwait(false);
    }

    /// <summary>results[0] from OSS at once and without the key, then any further results the task returned.</summary>
    private async Task<GenerationResult> DownloadAsync(DashScopeTask task, GenerationResult done, AttemptRecorder recorder, CancellationToken ct)
    {
        var first = await SyncExchange.DownloadAsync(_http, task.ImageUrl!, recorder, _policy, done, ct).ConfigureAwait(false);
        return await ExtraImages.AddToAsync(first, task.Extras, _http, recorder, _policy, ct).ConfigureAwait(false);
    }

    private static GenerationResult Done(DashScopeTask task, int status, JsonObject body, string? id) => new()
    {
        Outcome = AttemptOutcome.Ok,
        HttpStatus = status,
        ProviderRequestId = id,
        ServerMs = task.ServerMs,
        ServerMsSource = task.ServerMs is null ? null : ServerMsSourceName,
        RevisedPrompt = task.ActualPrompt,
        Request = body,
    };

    private static Uri PollUrl(Uri baseUrl, string taskId) => UrlJoin.Combine(baseUrl, "api/v1/tasks/" + Uri.EscapeDataString(taskId));

    private static HttpRequestMessage Build(HttpMethod method, Uri url, ApiKey? key, string? json, bool async = true)
    {
        var message = ProviderRequests.Json(method, url, json).WithBearer(key);
        if (json is not null && async) message.Headers.TryAddWithoutValidation("X-DashScope-Async", "enable");
        return message;
    }

}
