using ImageBench.Attempts;
using ImageBench.Emulator;
using ImageBench.Providers;
using Microsoft.Extensions.Time.Testing;
using ImageBench.Tests.Emulator;

namespace ImageBench.Tests.Providers.DashScope;

/// <summary>The real adapter against the started emulator (TimeScale 0), on both paths.</summary>
public sealed class DashScopeEmulatorTests
{
    [Fact]
    public async Task Async_task_runs_end_to_end()
    {
        await using var server = await EmulatorFixture.StartAsync();
        var run = await EmulatedAdapterRun.GenerateAsync(server, EmulatedAdapterRun.Model(server, "dashscope", "qwen-image-plus"), EmulatorFixture.Poster, 1328, 1328);

        // At TimeScale 0 the task is done at submit, so the first poll already says SUCCEEDED: no queued/generating.
        EmulatedAdapterRun.AssertOk(run, server, [PhaseNames.Submit, PhaseNames.Queued, PhaseNames.Download], "png", 1328, 1328);
        Assert.NotNull(run.Recorder.SubmittedJob);
        Assert.Equal(0, run.Result.ServerMs);
        Assert.Equal(1, server.Stats.Generations("dashscope"));
        Assert.Equal(1, server.Stats.Deliveries);
    }

    [Fact]
    public async Task Sync_path_runs_end_to_end()
    {
        await using var server = await EmulatorFixture.StartAsync();
        var model = EmulatedAdapterRun.Model(server, "dashscope", "qwen-image-max", new Dictionary<string, string> { ["mode"] = "sync" });
        var run = await EmulatedAdapterRun.GenerateAsync(server, model, EmulatorFixture.Poster, 1328, 1328);

        EmulatedAdapterRun.AssertOk(run, server, [PhaseNames.Generating, PhaseNames.Download], "png", 1328, 1328);
        Assert.Null(run.Recorder.SubmittedJob);
    }

    [Fact]
    public async Task Refused_task_fails_with_an_inspection_code()
    {
        await using var server = await EmulatorFixture.StartAsync(o => o.WithProfile("qwen-image-plus", new ModelProfile { Failures = new FailureInjection { RefusalRate = 1 } }));
        var run = await EmulatedAdapterRun.GenerateAsync(server, EmulatedAdapterRun.Model(server, "dashscope", "qwen-image-plus"), "p");
        Assert.Equal(AttemptOutcome.Refused, run.Result.Outcome);
        Assert.Contains("DataInspectionFailed", run.Result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Polls_walk_pending_running_succeeded_on_the_emulators_clock()
    {
        // The emulator runs on a fake clock that this handler moves forward just before each poll, so the task is
        // seen PENDING (0.5 s of 10), RUNNING (4.5 s) and SUCCEEDED (10.5 s) without anyone waiting.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        await using var server = await EmulatorServer.StartAsync(EmulatorOptions.ArticleDefaults(1) with
        {
            Time = clock,
            Profiles = new Dictionary<string, ModelProfile> { ["qwen-image-plus"] = new() { Latency = new(10, 10, 10) } },
        });
        var advances = new Queue<TimeSpan>([TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6)]);
        using var http = ProviderRegistry.CreateHttpClient(new AdvanceBeforePolls(clock, advances) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } });
        using var registry = new ProviderRegistry(http);
        var recorder = new AttemptRecorder(TimeProvider.System);
        var model = EmulatedAdapterRun.Model(server, "dashscope", "qwen-image-plus");

        var result = await registry.For("dashscope").GenerateAsync(new GenerationRequest(model, "p", 1328, 1328, new ApiKey("k")), recorder, CancellationToken.None);

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal([PhaseNames.Submit, PhaseNames.Queued, PhaseNames.Generating, PhaseNames.Download], recorder.Stop().Phases.Select(p => p.Name));
        Assert.Equal(9000, result.ServerMs); // RUNNING from 1 s (a tenth queued) to 10 s
        Assert.Empty(advances);
        Assert.Equal(0, server.Stats.DeliveriesWithCredentials);
    }

    private sealed class AdvanceBeforePolls(FakeTimeProvider clock, Queue<TimeSpan> advances) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.StartsWith("/api/v1/tasks/", StringComparison.Ordinal) && advances.TryDequeue(out var by))
                clock.Advance(by);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
