using System.Net;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Providers.DashScope;

namespace ImageBench.Tests.Providers.DashScope;

/// <summary>
/// No DashScope capture exists: these follow the documented contract (Model Studio text2image docs: async submit
/// with X-DashScope-Async, GET /api/v1/tasks/{id}, output.code/message on FAILED, HTTP errors {request_id,code,message}).
/// Bodies are the documentation's examples with our own ids.
/// </summary>
public sealed class DashScopeProviderContractTests : IDisposable
{
    private const string Base = "https://dashscope-intl.aliyuncs.com/";
    private const string Submitted = """{"output":{"task_status":"PENDING","task_id":"0385dc79-5ff8-4d82-bcb6-xxxxxx"},"request_id":"4909100c-7b5a-9f92-bfe5-xxxxxx"}""";
    private const string OssUrl = "https://dashscope-result-wlcb.oss-cn-wulanchabu.aliyuncs.com/1d/xx.png?Expires=1736411039&OSSAccessKeyId=LTAI&Signature=abc";
    private static readonly Uri PollUri = new(Base + "api/v1/tasks/0385dc79-5ff8-4d82-bcb6-xxxxxx");
    private readonly ProviderHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static string Poll(string status, string extra = "") =>
        $$$"""{"request_id":"r","output":{"task_id":"0385dc79-5ff8-4d82-bcb6-xxxxxx","task_status":"{{{status}}}","submit_time":"2025-01-08 16:03:59.840"{{{extra}}}}}""";

    private static readonly string Succeeded = Poll("SUCCEEDED",
        $$$""","scheduled_time":"2025-01-08 16:03:59.863","end_time":"2025-01-08 16:04:10.660","results":[{"orig_prompt":"p","actual_prompt":"p, rewritten","url":"{{{OssUrl}}}"}],"task_metrics":{"TOTAL":1,"SUCCEEDED":1,"FAILED":0}},"usage":{"image_count":1""");

    private static GenerationRequest Request(IReadOnlyDictionary<string, string>? options = null, string upstream = "qwen-image-plus") =>
        new(ProviderHarness.Model("dashscope", upstream, Base, options), "p", 1328, 1328, new ApiKey("sk-ds"));

    private Task<GenerationResult> Run(AttemptRecorder rec, GenerationRequest? request = null) =>
        _h.Clock.RunAsync(() => _h.Registry.For("dashscope").GenerateAsync(request ?? Request(), rec, default));

    [Fact]
    public async Task Async_task_is_stored_before_polling_then_polled_through_its_states()
    {
        _h.Handler.Json(HttpStatusCode.OK, Submitted, new Uri(Base + "api/v1/services/aigc/text2image/image-synthesis"), TimeSpan.FromMilliseconds(200));
        _h.Handler.Json(HttpStatusCode.OK, Poll("PENDING"), PollUri);
        _h.Handler.Json(HttpStatusCode.OK, Poll("RUNNING", ""","scheduled_time":"2025-01-08 16:03:59.863" """), PollUri);
        _h.Handler.Json(HttpStatusCode.OK, Succeeded, PollUri);
        _h.Handler.Bytes(ProviderHarness.Png1x1, "image/png", new Uri(OssUrl));
        var storedBeforeFirstPoll = false;
        _h.Handler.OnRequest = r => { if (r.Method == HttpMethod.Get && r.Uri == PollUri && _h.Handler.Requests.Count == 2) storedBeforeFirstPoll = _h.SubmittedJobs.Count == 1; };
        var rec = _h.NewRecorder();

        var result = await Run(rec);
        var (phases, _) = rec.Stop();

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.True(storedBeforeFirstPoll);
        Assert.Equal(new JobHandle("0385dc79-5ff8-4d82-bcb6-xxxxxx", PollUri.AbsoluteUri), Assert.Single(_h.SubmittedJobs));
        Assert.Equal([PhaseNames.Submit, PhaseNames.Queued, PhaseNames.Generating, PhaseNames.Download], phases.Select(p => p.Name));
        Assert.Equal(10797, result.ServerMs!.Value, 3);
        Assert.Equal(DashScopeProvider.ServerMsSourceName, result.ServerMsSource);
        Assert.Equal("p, rewritten", result.RevisedPrompt);
        Assert.Equal("0385dc79-5ff8-4d82-bcb6-xxxxxx", result.ProviderRequestId);
        var submit = _h.Handler.Requests[0];
        Assert.Equal("enable", submit.Headers["X-DashScope-Async"]);
        Assert.Equal("""{"model":"qwen-image-plus","input":{"prompt":"p"},"parameters":{"size":"1328*1328","n":1}}""", submit.Body);
        Assert.All(_h.Handler.Requests.Take(4), r => Assert.Equal("Bearer sk-ds", r.Headers["Authorization"]));
        Assert.All(_h.Handler.Requests.Skip(1), r => Assert.False(r.Headers.ContainsKey("X-DashScope-Async")));
        Assert.False(_h.Handler.Requests[4].Headers.ContainsKey("Authorization"));
    }

    [Theory]
    [InlineData("DataInspectionFailed", "Input data may contain inappropriate content.", AttemptOutcome.Refused)]
    [InlineData("IPInfringementSuspect", "Input data is suspected of being involved in IP infringement.", AttemptOutcome.Refused)]
    [InlineData("InternalError", "An internal error has occured, please try again later.", AttemptOutcome.ProviderError)]
    public async Task Failed_task_is_classified_by_its_code(string code, string message, AttemptOutcome expected)
    {
        _h.Handler.Json(HttpStatusCode.OK, Submitted);
        _h.Handler.Json(HttpStatusCode.OK, Poll("FAILED", $$""","code":"{{code}}","message":"{{message}}" """));

        var result = await Run(_h.NewRecorder());

        Assert.Equal(expected, result.Outcome);
        Assert.Equal($"task FAILED {code}: {message}", result.Reason);
    }

    [Fact]
    public async Task Http_error_on_submit_stores_no_job()
    {
        _h.Handler.Json(HttpStatusCode.BadRequest, """{"request_id":"r","code":"InvalidParameter","message":"The size is not match the allowed size ['1664*928', '1472*1140', '1328*1328']"}""");
        var result = await Run(_h.NewRecorder());
        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.StartsWith("HTTP 400 InvalidParameter: The size is not match", result.Reason, StringComparison.Ordinal);
        Assert.Empty(_h.SubmittedJobs);
    }

    [Fact]
    public async Task Unknown_task_is_a_provider_error()
    {
        _h.Handler.Json(HttpStatusCode.OK, Submitted);
        _h.Handler.Json(HttpStatusCode.OK, Poll("UNKNOWN"));
        var result = await Run(_h.NewRecorder());
        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.StartsWith("task UNKNOWN", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_polls_the_stored_task_without_submitting()
    {
        _h.Handler.Json(HttpStatusCode.OK, Succeeded, PollUri);
        _h.Handler.Bytes(ProviderHarness.Png1x1, "image/png", new Uri(OssUrl));
        // A tampered poll URL in the store is ignored: the key only goes to the configured host.
        var job = new JobHandle("0385dc79-5ff8-4d82-bcb6-xxxxxx", "https://evil.example/steal");

        var result = await _h.Clock.RunAsync(() => _h.Registry.For("dashscope").ResumeAsync(Request(), job, _h.NewRecorder(), default));

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(2, _h.Handler.Requests.Count);
    }

    [Fact]
    public async Task Sync_mode_posts_a_message_and_reads_the_content_image()
    {
        _h.Handler.Json(HttpStatusCode.OK, $$$"""{"output":{"choices":[{"finish_reason":"stop","message":{"role":"assistant","content":[{"image":"{{{OssUrl}}}"}]}}]},"usage":{"width":1328,"height":1328,"image_count":1},"request_id":"sync-1"}""",
            new Uri(Base + "api/v1/services/aigc/multimodal-generation/generation"));
        _h.Handler.Bytes(ProviderHarness.Png1x1, "image/png", new Uri(OssUrl));
        var rec = _h.NewRecorder();

        var result = await Run(rec, Request(new Dictionary<string, string> { ["mode"] = "sync", ["watermark"] = "false", ["negative_prompt"] = "blur" }, "qwen-image-max"));

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal("sync-1", result.ProviderRequestId);
        Assert.Equal([PhaseNames.Generating, PhaseNames.Download], rec.Stop().Phases.Select(p => p.Name));
        var sent = _h.Handler.Requests[0];
        Assert.False(sent.Headers.ContainsKey("X-DashScope-Async"));
        Assert.Equal("""{"model":"qwen-image-max","input":{"messages":[{"role":"user","content":[{"text":"p"}]}]},"parameters":{"size":"1328*1328","n":1,"negative_prompt":"blur","watermark":false}}""", sent.Body);
        Assert.Empty(_h.SubmittedJobs);
    }

    [Theory]
    [InlineData("2025-01-08 16:03:59.863", "2025-01-08 16:04:10.660", 10797.0)]
    [InlineData("2025-01-08 16:03:59", "2025-01-08 16:04:10", 11000.0)]
    [InlineData("2025-01-08 16:04:10.660", "2025-01-08 16:03:59.863", null)]
    [InlineData("yesterday", "2025-01-08 16:04:10.660", null)]
    public void Server_time_is_end_minus_scheduled(string scheduled, string end, double? expected) =>
        Assert.Equal(expected, DashScopeResponseParser.ServerMs(scheduled, end));

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"output":{}}""")]
    [InlineData("""{"output":{"task_status":"SUCCEEDED","results":[{"url":"oss://x"}]}}""")]
    public void Garbage_task_answers_are_reasons(string body) =>
        Assert.NotNull(DashScopeResponseParser.ParseTask(System.Text.Encoding.UTF8.GetBytes(body)).Failure);
}
