using ImageBench.Attempts;
using ImageBench.Emulator;
using ImageBench.Images;
using ImageBench.Running;
using ImageBench.Tests.Emulator;

namespace ImageBench.Tests.Providers.Gemini;

/// <summary>The real Gemini adapter against the emulator's generateContent, AI Studio and Vertex paths.</summary>
public sealed class GeminiEmulatorTests
{
    private const string Model = "gemini-2.5-flash-image";

    [Fact]
    public async Task Adapter_runs_end_to_end_at_time_scale_zero_with_tokens_by_modality()
    {
        await using var e = await EmulatedAdapter.StartAsync();
        var rec = e.NewRecorder();
        var model = e.Model("gemini", Model) with
        {
            Price = new() { Source = "test", ReadOn = new(2026, 11, 23), PerMillionTokensUsd = new(0.30m, null, 30m, 2.50m) },
        };

        var result = await e.GenerateAsync(model, EmulatorFixture.Poster, rec, 1536, 1024);

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        var facts = ImageInspector.Inspect(result.ImageBytes!).Facts!;
        Assert.Equal(("png", 1248, 832), (facts.Format, facts.Width, facts.Height)); // 3:2, Google's size for it
        Assert.Equal("image/png", result.DeclaredContentType);
        Assert.Equal("server-timing dur", result.ServerMsSource);
        Assert.NotNull(result.ServerMs);
        Assert.Equal(1290, result.Usage!.OutputImageTokens);
        Assert.True(result.Usage.OutputTextTokens > 0);
        Assert.Equal(result.Usage.OutputTokens, result.Usage.OutputImageTokens + result.Usage.OutputTextTokens);
        var (cost, source) = CostCalculator.Price(model, result, facts);
        Assert.Equal(ImageBench.Attempts.CostSources.ApiTokensTimesCatalog, source);
        Assert.InRange(cost!.Value, 0.0387m, 0.0390m); // 1290 image tokens at $30/M plus a few text tokens
        var (phases, _) = rec.Stop();
        Assert.Equal([PhaseNames.Generating, PhaseNames.Download], phases.Select(p => p.Name));
        Assert.Equal(1, e.Server.Stats.Submits("gemini", Model));
        Assert.Equal(0, e.Server.Stats.DeliveriesWithCredentials);
        Assert.Empty(e.SubmittedJobs);
    }

    [Theory]
    [InlineData("my-project")]
    [InlineData(null)]
    public async Task Vertex_paths_are_served(string? project)
    {
        await using var e = await EmulatedAdapter.StartAsync();
        var options = new Dictionary<string, string> { ["api"] = "vertex" };
        if (project is not null) options["project"] = project;

        var result = await e.GenerateAsync(e.Model("gemini", Model, options), "p", e.NewRecorder());

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(1, e.Server.Stats.Submits("gemini", Model));
    }

    [Fact]
    public async Task Safety_blocks_are_refusals_with_the_stage()
    {
        await using var e = await EmulatedAdapter.StartStepped(Model, 4, new FailureInjection { RefusalRate = 1 });
        var stages = new List<string>();
        foreach (var prompt in new[] { "a", "b", "c", "d", "e", "f" })
        {
            var result = await e.GenerateAsync(e.Model("gemini", Model), prompt, e.NewRecorder());
            Assert.Equal(AttemptOutcome.Refused, result.Outcome);
            stages.Add(result.Reason!.Contains("moderation_stage: input", StringComparison.Ordinal) ? "input" : "output");
            if (stages[^1] == "output") Assert.StartsWith("finishReason IMAGE_SAFETY", result.Reason, StringComparison.Ordinal);
            else Assert.StartsWith("promptFeedback.blockReason PROHIBITED_CONTENT", result.Reason, StringComparison.Ordinal);
        }
        Assert.Contains("input", stages);
        Assert.Contains("output", stages);
    }

    [Fact]
    public async Task Server_time_on_a_stepping_clock_is_the_emulated_latency()
    {
        await using var e = await EmulatedAdapter.StartStepped("gemini-3-pro-image-preview", 26);
        var rec = e.NewRecorder();

        var result = await e.GenerateAsync(e.Model("gemini", "gemini-3-pro-image-preview"), "p", rec);

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(26_000, result.ServerMs);
        Assert.Equal(1120, result.Usage!.OutputImageTokens);
        var (phases, _) = rec.Stop();
        Assert.Equal(26_000, phases[0].DurationMs, 0);
    }
}
