#pragma warning disable MEAI001 // IImageGenerator is experimental; only this test fakes it.
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Providers.ExtensionsAI;
using ImageBench.Tests.Support;
using Microsoft.Extensions.AI;

namespace ImageBench.Tests.Providers.ExtensionsAI;

public sealed class ImageGeneratorProviderTests
{
    private sealed class FakeGenerator(Func<ImageGenerationRequest, ImageGenerationOptions?, ImageGenerationResponse> answer, SteppingClock? clock = null, TimeSpan work = default) : IImageGenerator
    {
        public ImageGenerationOptions? SeenOptions { get; private set; }
        public string? SeenPrompt { get; private set; }

        public async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            (SeenPrompt, SeenOptions) = (request.Prompt, options);
            if (clock is not null && work > TimeSpan.Zero) await Task.Delay(work, clock, cancellationToken);
            return answer(request, options);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private static GenerationRequest Request(string key = "sk-meai") =>
        new(ProviderHarness.Model("meai", "gpt-image-1", "https://example.invalid/", new Dictionary<string, string> { ["quality"] = "low" }), "a cat", 1024, 768, new ApiKey(key));

    [Fact]
    public async Task One_generating_phase_covers_the_whole_call_and_usage_is_passed_on()
    {
        var clock = new SteppingClock();
        var png = TestImages.Png(8, 6);
        var fake = new FakeGenerator((_, _) => new ImageGenerationResponse([new DataContent(png, "image/png")])
        {
            Usage = new UsageDetails { InputTokenCount = 11, OutputTokenCount = 272, TotalTokenCount = 283 },
        }, clock, TimeSpan.FromSeconds(12));
        var provider = new ImageGeneratorProvider(fake, "openai-meai");
        var rec = new AttemptRecorder(clock);

        var result = await clock.RunAsync(() => provider.GenerateAsync(Request(), rec, default));
        var (phases, latency) = rec.Stop();

        Assert.Equal("openai-meai", provider.Family);
        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(png, result.ImageBytes);
        Assert.Equal("image/png", result.DeclaredContentType);
        Assert.Equal(new TokenUsage(InputTokens: 11, OutputTokens: 272, TotalTokens: 283), result.Usage);
        Assert.Null(result.ServerMs);
        Assert.Null(result.ReportedCostUsd);
        var phase = Assert.Single(phases);
        Assert.Equal((PhaseNames.Generating, 12000.0), (phase.Name, phase.DurationMs));
        Assert.Equal(12000, latency);
        Assert.Equal("a cat", fake.SeenPrompt);
        Assert.Equal(("gpt-image-1", 1, 1024, 768), (fake.SeenOptions!.ModelId, fake.SeenOptions.Count, fake.SeenOptions.ImageSize!.Value.Width, fake.SeenOptions.ImageSize.Value.Height));
        Assert.Equal(ImageGenerationResponseFormat.Data, fake.SeenOptions.ResponseFormat);
        Assert.Equal("low", fake.SeenOptions.AdditionalProperties!["quality"]);
    }

    [Fact]
    public async Task Exceptions_become_outcomes_with_the_key_scrubbed()
    {
        var failing = new ImageGeneratorProvider(new FakeGenerator((_, _) => throw new InvalidOperationException("HTTP 401 for key sk-meai")));
        var refusing = new ImageGeneratorProvider(new FakeGenerator((_, _) => throw new InvalidOperationException("Your request was rejected by the safety system (moderation_blocked)")));

        var error = await failing.GenerateAsync(Request(), new AttemptRecorder(TimeProvider.System), default);
        var refusal = await refusing.GenerateAsync(Request(), new AttemptRecorder(TimeProvider.System), default);

        Assert.Equal((AttemptOutcome.ProviderError, "InvalidOperationException: HTTP 401 for key [redacted]"), (error.Outcome, error.Reason));
        Assert.Equal(AttemptOutcome.Refused, refusal.Outcome);
        Assert.Equal("meai", failing.Family);
    }

    [Fact]
    public async Task A_url_instead_of_bytes_is_an_invalid_response()
    {
        var provider = new ImageGeneratorProvider(new FakeGenerator((_, _) => new ImageGenerationResponse([new UriContent(new Uri("https://cdn.example/x.png"), "image/png")])));
        var result = await provider.GenerateAsync(Request(), new AttemptRecorder(TimeProvider.System), default);
        Assert.Equal(AttemptOutcome.InvalidResponse, result.Outcome);
        Assert.Contains("UriContent", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_propagates()
    {
        using var cts = new CancellationTokenSource();
        var provider = new ImageGeneratorProvider(new FakeGenerator((_, _) =>
        {
            cts.Cancel();
            throw new OperationCanceledException(cts.Token);
        }));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.GenerateAsync(Request(), new AttemptRecorder(TimeProvider.System), cts.Token));
    }

    [Fact]
    public async Task Every_image_content_after_the_first_is_kept_as_an_extra_image()
    {
        var (first, second) = (TestImages.Png(8, 6), TestImages.Png(6, 8));
        var fake = new FakeGenerator((_, _) => new ImageGenerationResponse([new DataContent(first, "image/png"), new TextContent("two for you"), new DataContent(second, "image/png")]));

        var result = await new ImageGeneratorProvider(fake).GenerateAsync(Request(), new AttemptRecorder(new SteppingClock()), default);

        Assert.Equal(first, result.ImageBytes);
        var extra = Assert.Single(result.ExtraImages);
        Assert.Equal(second, extra.Bytes);
        Assert.Equal("image/png", extra.DeclaredContentType);
    }
}
