using System.Net;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Providers.Bfl;

/// <summary>The BFL adapter against the real b5b6d620 capture (flux-dev, eu1, July 2025): submit → Pending → Ready.</summary>
public sealed class BflProviderReplayTests : IDisposable
{
    private const string JobId = "b5b6d620-798f-4eee-b782-c7be269692f1";
    private static readonly Uri PollUrl = new($"https://api.eu1.bfl.ai/v1/get_result?id={JobId}");
    private readonly ProviderHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static GenerationRequest Request() => new(
        ProviderHarness.Model("bfl", "flux-dev", "https://api.bfl.ai", new Dictionary<string, string>
        {
            ["output_format"] = "jpeg", ["safety_tolerance"] = "2", ["prompt_upsampling"] = "true", ["seed"] = "42",
        }),
        "badminton court, Canon EOS R7", 1024, 768, new ApiKey("bfl-secret"));

    private void EnqueueCapture(bool includeSubmit)
    {
        if (includeSubmit)
            _h.Handler.Json(HttpStatusCode.OK, Fixtures.Read("bfl", "capture_b5b6d620_1_submit_flux-dev.json"),
                new Uri("https://api.bfl.ai/v1/flux-dev"), TimeSpan.FromMilliseconds(200));
        _h.Handler.Json(HttpStatusCode.OK, Fixtures.Read("bfl", "capture_b5b6d620_2_pending.json"), PollUrl, TimeSpan.FromMilliseconds(50));
        _h.Handler.Json(HttpStatusCode.OK, Fixtures.Read("bfl", "capture_b5b6d620_3_ready.json"), PollUrl, TimeSpan.FromMilliseconds(60));
        _h.Handler.Bytes([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9], "image/jpeg", serverTime: TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task Capture_sequence_gives_image_server_time_revised_prompt_and_honest_phases()
    {
        EnqueueCapture(includeSubmit: true);
        var submittedBeforeEachPoll = new List<int>();
        _h.Handler.OnRequest = r =>
        {
            if (r.Method == HttpMethod.Get && r.Uri.Host == "api.eu1.bfl.ai") submittedBeforeEachPoll.Add(_h.SubmittedJobs.Count);
        };
        var rec = _h.NewRecorder();

        var result = await _h.Clock.RunAsync(() => _h.Registry.For("bfl").GenerateAsync(Request(), rec, CancellationToken.None));

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(JobId, result.ProviderRequestId);
        Assert.Equal(6528.994798660278, result.ServerMs!.Value, 6);
        Assert.Equal("result.duration", result.ServerMsSource);
        Assert.StartsWith("a photo-realistic depiction of an indoor badminton court", result.RevisedPrompt, StringComparison.Ordinal);
        Assert.Equal("image/jpeg", result.DeclaredContentType);
        Assert.Equal(9, result.ImageBytes!.Length);
        Assert.Equal("1752479754028", result.Seed); // result.seed of the Ready capture

        var job = Assert.Single(_h.SubmittedJobs);
        Assert.Equal(new JobHandle(JobId, PollUrl.ToString()), job);
        Assert.Equal([1, 1], submittedBeforeEachPoll);

        var hosts = _h.Handler.Requests.Select(r => (r.Uri.Host, HasKey: r.Headers.ContainsKey("x-key"))).ToArray();
        Assert.Equal([("api.bfl.ai", true), ("api.eu1.bfl.ai", true), ("api.eu1.bfl.ai", true), ("delivery-eu1.bfl.ai", false)], hosts);
        Assert.Equal("bfl-secret", _h.Handler.Requests[0].Headers["x-key"]);

        var sent = _h.Handler.Requests[0].BodyJson;
        Assert.Equal("""{"prompt":"badminton court, Canon EOS R7","width":1024,"height":768,"output_format":"jpeg","prompt_upsampling":true,"safety_tolerance":2,"seed":42}""",
            sent.ToJsonString());
        Assert.Equal(sent.ToJsonString(), result.Request!.ToJsonString());

        var (phases, latency) = rec.Stop();
        Assert.Equal([PhaseNames.Submit, PhaseNames.Queued, PhaseNames.Generating, PhaseNames.Download], phases.Select(p => p.Name));
        // submit = server 200; queued = poll wait 500 + poll 50; generating = wait 500 + poll 60; download = 300.
        Assert.Equal([200.0, 550.0, 560.0, 300.0], phases.Select(p => p.DurationMs));
        Assert.Equal([0.0, 200.0, 750.0, 1310.0], phases.Select(p => p.StartMs));
        Assert.Equal(1610, latency);
        Assert.Empty(rec.Retries);
    }

    [Fact]
    public async Task Resume_polls_the_stored_url_without_submitting()
    {
        EnqueueCapture(includeSubmit: false);
        var rec = _h.NewRecorder();

        var result = await _h.Clock.RunAsync(() => _h.Registry.For("bfl").ResumeAsync(
            Request(), new JobHandle(JobId, PollUrl.ToString()), rec, CancellationToken.None));

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.DoesNotContain(_h.Handler.Requests, r => r.Method == HttpMethod.Post);
        Assert.Empty(_h.SubmittedJobs);
        Assert.Equal(PollUrl, _h.Handler.Requests[0].Uri);
        Assert.Equal(0, _h.Handler.Remaining);
    }

    [Fact]
    public async Task Resume_without_a_poll_url_rebuilds_get_result_on_the_base_url()
    {
        _h.Handler.Json(HttpStatusCode.OK, """{"id":"j 1","status":"Task not found"}""", new Uri("https://api.bfl.ai/v1/get_result?id=j%201"));
        var result = await _h.Clock.RunAsync(() => _h.Registry.For("bfl").ResumeAsync(Request(), new JobHandle("j 1"), _h.NewRecorder(), CancellationToken.None));

        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.Equal("Task not found", result.Reason);
        Assert.True(_h.Handler.Requests[0].Headers.ContainsKey("x-key"));
    }
}
