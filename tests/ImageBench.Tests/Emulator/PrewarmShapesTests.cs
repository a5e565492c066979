using ImageBench.Emulator;

namespace ImageBench.Tests.Emulator;

/// <summary>Prewarming renders what the endpoint will render; a mismatch would silently waste CPU on unused images.</summary>
public sealed class PrewarmShapesTests
{
    private static readonly EmulatorOptions Options = EmulatorOptions.ArticleDefaults(0);

    [Fact]
    public void Second_wave_calls_map_to_what_their_endpoints_draw()
    {
        Assert.Equal(("stable-image-core", 1280, 832, "webp", 90), PrewarmShapes.For(new EmulatorCall("stability", "stable-image-core", "p", 1536, 1024, "webp"), Options));
        Assert.Equal(("sd3.5-large", 1024, 1024, "png", 100), PrewarmShapes.For(new EmulatorCall("stability", "sd3.5-large", "p", 1024, 1024), Options));
        Assert.Equal(("ideogram-v3", 1024, 1024, "png", 100), PrewarmShapes.For(new EmulatorCall("ideogram", "whatever", "p", 1024, 1024), Options));
        Assert.Equal(("google/gemini-2.5-flash-image", 1024, 1024, "png", 100), PrewarmShapes.For(new EmulatorCall("openrouter", "google/gemini-2.5-flash-image", "p", 512, 512), Options));
        Assert.Equal(("seedream-4-0-250828", 2048, 2048, "jpeg", 90), PrewarmShapes.For(new EmulatorCall("ark", "seedream-4-0-250828", "p", 2048, 2048), Options));
        Assert.Null(PrewarmShapes.For(new EmulatorCall(EmulatorCall.OpenAI, "gpt-image-2", "p", 1024, 1024), Options));
    }
}
