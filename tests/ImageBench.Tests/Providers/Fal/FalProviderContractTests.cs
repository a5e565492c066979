using System.Net;
using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Providers.Fal;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Providers.Fal;

/// <summary>
/// fal has no recorded queue traffic in the fixtures: these tests replay fal's documented queue examples
/// (fal/docs_examples.DOCS.json) and, for the result, the real webhook capture quoted in CONTRACTS.md §3 (payload
/// with has_nsfw_concepts, timings.inference and a seed beyond 2^63). Error bodies follow the documented contract.
/// </summary>
public sealed class FalProviderContractTests : IDisposable
{
    private const string App = "fal-ai/fast-sdxl";
    private static readonly JsonObject Docs = JsonNode.Parse(Fixtures.Read("fal", "docs_examples.DOCS.json"))!.AsObject();

    /// <summary>The webhook capture as CONTRACTS.md §3 quotes it (REAL), in its {"status":"OK","payload":…} envelope.</summary>
    private const string WebhookCapture = """
        {"error":null,"gateway_request_id":"80e732af-660e-45cd-bd63-580e4f2a94cc","payload":{"images":[{"content_type":"image/jpeg","height":1024,
        "url":"https://v3.fal.media/files/lion/dog.jpeg","width":1024}],"has_nsfw_concepts":[false],"prompt":"dog","seed":17454220438242315174,
        "timings":{"inference":2.107}},"request_id":"80e732af-660e-45cd-bd63-580e4f2a94cc","status":"OK"}
        """;

    private readonly ProviderHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static string Doc(string name) => Docs[name]!.ToJsonString();

    private static Uri StatusUrl => new((string)Docs["submit_response"]!["status_url"]!);
    private static Uri ResponseUrl => new((string)Docs["submit_response"]!["response_url"]!);

    private static GenerationRequest Request(Dictionary<string, string>? options = null) =>
        new(ProviderHarness.Model("fal", App, "https://queue.fal.run/", options), "dog", 1024, 1024, new ApiKey("fal-secret"));

    private Task<GenerationResult> Run(AttemptRecorder? rec = null, GenerationRequest? request = null) =>
        _h.Clock.RunAsync(() => _h.Registry.For("fal").GenerateAsync(request ?? Request(), rec ?? _h.NewRecorder(), CancellationToken.None));

    private void EnqueueFlow(string result, bool submit = true)
    {
        if (submit) _h.Handler.Json(HttpStatusCode.OK, Doc("submit_response"), new Uri("https://queue.fal.run/fal-ai/fast-sdxl"), TimeSpan.FromMilliseconds(120));
        _h.Handler.Json(HttpStatusCode.OK, Doc("status_in_queue"), StatusUrl, TimeSpan.FromMilliseconds(30));
        _h.Handler.Json(HttpStatusCode.OK, """{"status":"IN_PROGRESS","response_url":"https://queue.fal.run/fal-ai/fast-sdxl/requests/80e732af-660e-45cd-bd63-580e4f2a94cc"}""", StatusUrl, TimeSpan.FromMilliseconds(30));
        _h.Handler.Json(HttpStatusCode.OK, Doc("status_completed_(shape)"), StatusUrl, TimeSpan.FromMilliseconds(30));
        _h.Handler.Json(HttpStatusCode.OK, result, ResponseUrl, TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Documented_queue_flow_with_the_recorded_payload()
    {
        EnqueueFlow(WebhookCapture);
        _h.Handler.Bytes([0xFF, 0xD8, 0xFF, 0xE0, 1, 0xFF, 0xD9], "image/jpeg", new Uri("https://v3.fal.media/files/lion/dog.jpeg"), TimeSpan.FromMilliseconds(200));
        var storedBeforePoll = new List<int>();
        _h.Handler.OnRequest = r => { if (r.Method == HttpMethod.Get && r.Uri.AbsolutePath.EndsWith("/status", StringComparison.Ordinal)) storedBeforePoll.Add(_h.SubmittedJobs.Count); };
        var rec = _h.NewRecorder();

        var result = await Run(rec, Request(new() { ["seed"] = "42", ["enable_safety_checker"] = "true", ["safety_tolerance"] = "2" }));

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal("80e732af-660e-45cd-bd63-580e4f2a94cc", result.ProviderRequestId);
        Assert.Equal(2107, result.ServerMs!.Value, 6);
        Assert.Equal("timings.inference", result.ServerMsSource);
        Assert.Equal("image/jpeg", result.DeclaredContentType);
        Assert.Equal(7, result.ImageBytes!.Length);
        Assert.Equal("17454220438242315174", result.Seed); // parsed and handed on, not only parsed
        Assert.Equal(new JobHandle("80e732af-660e-45cd-bd63-580e4f2a94cc", StatusUrl.AbsoluteUri, ResponseUrl.AbsoluteUri), Assert.Single(_h.SubmittedJobs));
        Assert.Equal([1, 1, 1], storedBeforePoll);

        var sent = _h.Handler.Requests;
        Assert.All(sent.Where(r => r.Uri.Host == "queue.fal.run"), r => Assert.Equal("Key fal-secret", r.Headers["Authorization"]));
        Assert.False(sent[^1].Headers.ContainsKey("Authorization")); // the CDN never sees the key
        Assert.Equal("""{"prompt":"dog","image_size":{"width":1024,"height":1024},"num_images":1,"enable_safety_checker":true,"safety_tolerance":"2","seed":42}""",
            sent[0].BodyJson.ToJsonString());

        var (phases, latency) = rec.Stop();
        Assert.Equal([PhaseNames.Submit, PhaseNames.Queued, PhaseNames.Generating, PhaseNames.Download], phases.Select(p => p.Name));
        // submit 120; queued: 2 polls (500 + 30 each, the second says IN_PROGRESS); generating: 1 poll; download: result 50 + CDN 200.
        Assert.Equal([120.0, 1060.0, 530.0, 250.0], phases.Select(p => p.DurationMs));
        Assert.Equal(1960, latency);
    }

    [Fact]
    public void Seeds_beyond_int64_are_kept_as_text()
    {
        var (result, failure) = FalResponseParser.ParseResult(System.Text.Encoding.UTF8.GetBytes(WebhookCapture));
        Assert.Null(failure);
        Assert.Equal("17454220438242315174", result!.Seed);
        Assert.Equal((1024, 1024), (result.Width!.Value, result.Height!.Value));
    }

    [Fact]
    public async Task Nsfw_flag_is_an_output_refusal_and_nothing_is_downloaded()
    {
        EnqueueFlow(WebhookCapture.Replace("\"has_nsfw_concepts\":[false]", "\"has_nsfw_concepts\":[true]", StringComparison.Ordinal));
        var result = await Run();
        Assert.Equal(AttemptOutcome.Refused, result.Outcome);
        Assert.Equal(FalErrorClassifier.NsfwReason, result.Reason);
        Assert.Equal(2107, result.ServerMs!.Value, 6);
        Assert.Equal(0, _h.Handler.Remaining);
        Assert.DoesNotContain(_h.Handler.Requests, r => r.Uri.Host == "v3.fal.media");
    }

    [Fact]
    public async Task Content_policy_422_is_a_refusal_other_422s_are_errors()
    {
        _h.Handler.Json(HttpStatusCode.UnprocessableEntity, """{"detail":[{"loc":["body","prompt"],"msg":"The prompt was flagged by the content checker.","type":"content_policy_violation"}]}""");
        _h.Handler.Json(HttpStatusCode.UnprocessableEntity, """{"detail":[{"loc":["body","image_size"],"msg":"value is not a valid dict","type":"type_error.dict"}]}""");

        var refused = await Run();
        var invalid = await Run();

        Assert.Equal(AttemptOutcome.Refused, refused.Outcome);
        Assert.Equal("content_policy_violation: body.prompt: The prompt was flagged by the content checker.", refused.Reason);
        Assert.Equal(AttemptOutcome.ProviderError, invalid.Outcome);
        Assert.Equal("HTTP 422 validation error: body.image_size: value is not a valid dict", invalid.Reason);
        Assert.Empty(_h.SubmittedJobs);
    }

    [Fact]
    public async Task Unauthorized_is_a_provider_error_with_the_key_scrubbed()
    {
        _h.Handler.Json(HttpStatusCode.Unauthorized, """{"detail":"Invalid key: fal-secret"}""");
        var result = await Run();
        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.Equal("HTTP 401 unauthorized: Invalid key: [redacted]", result.Reason);
    }

    [Fact]
    public async Task Completed_with_an_error_is_reported_without_fetching()
    {
        _h.Handler.Json(HttpStatusCode.OK, Doc("submit_response"));
        _h.Handler.Json(HttpStatusCode.OK, """{"status":"COMPLETED","error":"Generation timed out","error_type":"generation_timeout"}""", StatusUrl);
        var result = await Run();
        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.Equal("request failed (generation_timeout): Generation timed out", result.Reason);
    }

    [Fact]
    public async Task Failed_result_fetch_with_content_policy_detail_is_a_refusal()
    {
        _h.Handler.Json(HttpStatusCode.OK, Doc("submit_response"));
        _h.Handler.Json(HttpStatusCode.OK, Doc("status_completed_(shape)"), StatusUrl);
        _h.Handler.Json(HttpStatusCode.UnprocessableEntity, """{"detail":[{"loc":["body"],"msg":"Output flagged","type":"content_policy_violation"}]}""", ResponseUrl);
        var result = await Run();
        Assert.Equal(AttemptOutcome.Refused, result.Outcome);
    }

    [Fact]
    public async Task Resume_polls_the_stored_urls_without_submitting()
    {
        EnqueueFlow(WebhookCapture, submit: false);
        _h.Handler.Bytes([0xFF, 0xD8, 0xFF, 0xD9], "image/jpeg", new Uri("https://v3.fal.media/files/lion/dog.jpeg"));

        var result = await _h.Clock.RunAsync(() => _h.Registry.For("fal").ResumeAsync(Request(),
            new JobHandle("80e732af-660e-45cd-bd63-580e4f2a94cc", StatusUrl.AbsoluteUri, ResponseUrl.AbsoluteUri), _h.NewRecorder(), CancellationToken.None));

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.DoesNotContain(_h.Handler.Requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public void Urls_of_a_bare_handle_use_the_apps_first_two_segments()
    {
        var (status, result) = FalProvider.UrlsFor(new Uri("https://queue.fal.run/"), "fal-ai/flux-pro/v1.1", new JobHandle("r1"));
        Assert.Equal("https://queue.fal.run/fal-ai/flux-pro/requests/r1/status", status.AbsoluteUri);
        Assert.Equal("https://queue.fal.run/fal-ai/flux-pro/requests/r1", result.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://queue.fal.run/x", true)]
    [InlineData("https://fal.run/x", true)]
    [InlineData("https://v3.fal.media/files/a.jpeg", false)]
    [InlineData("http://queue.fal.run/x", false)]
    [InlineData("https://queue.fal.run.evil.example/x", false)]
    public void Key_goes_only_to_fal_api_hosts(string target, bool expected) =>
        Assert.Equal(expected, FalProvider.SendsKeyTo(new Uri(target), new Uri("https://gateway.example/")));

    [Fact]
    public void Aspect_ratio_apps_get_no_width_height_object()
    {
        var body = FalRequestBody.Build(Request(new() { ["aspect_ratio"] = "16:9", ["num_images"] = "4" }));
        Assert.Equal("""{"prompt":"dog","num_images":1,"aspect_ratio":"16:9"}""", body.ToJsonString());
    }
}
