using ImageBench.Attempts;
using ImageBench.Emulator;
using ImageBench.Images;
using ImageBench.Tests.Emulator;

namespace ImageBench.Tests.Providers.Imagen;

/// <summary>The real Imagen adapter against the emulator's :predict (documented contract; no capture exists).</summary>
public sealed class ImagenEmulatorTests
{
    private const string Model = "imagen-4.0-generate-001";

    [Fact]
    public async Task Adapter_runs_end_to_end_at_time_scale_zero()
    {
        await using var e = await EmulatedAdapter.StartAsync();
        var rec = e.NewRecorder();

        var result = await e.GenerateAsync(e.Model("imagen", Model), EmulatorFixture.Poster, rec, 1024, 1792);

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        var facts = ImageInspector.Inspect(result.ImageBytes!).Facts!;
        Assert.Equal(("png", 768, 1408), (facts.Format, facts.Width, facts.Height)); // 9:16 at Imagen's size
        Assert.Equal("9:16", (string)result.Request!["parameters"]!["aspectRatio"]!);
        Assert.NotNull(result.ServerMs);
        var (phases, _) = rec.Stop();
        Assert.Equal([PhaseNames.Generating, PhaseNames.Download], phases.Select(p => p.Name));
        Assert.Equal(1, e.Server.Stats.Submits("imagen", Model));
        Assert.Equal(0, e.Server.Stats.DeliveriesWithCredentials);
    }

    [Fact]
    public async Task Filtered_image_is_a_refusal_with_the_rai_reason()
    {
        await using var e = await EmulatedAdapter.StartStepped(Model, 3, new FailureInjection { RefusalRate = 1 });

        var result = await e.GenerateAsync(e.Model("imagen", Model), "p", e.NewRecorder());

        Assert.Equal(AttemptOutcome.Refused, result.Outcome);
        Assert.Contains("raiFilteredReason", result.Reason, StringComparison.Ordinal);
        Assert.Contains("safety filter", result.Reason, StringComparison.Ordinal);
    }
}
