using System.Net;
using ImageBench.Attempts;
using ImageBench.Providers;

namespace ImageBench.Tests.Providers.Imagen;

/// <summary>
/// No real :predict capture exists (fixtures/README.md): every test here follows the documented contract
/// (CONTRACTS.md §5: instances/parameters in, predictions[{bytesBase64Encoded, mimeType | raiFilteredReason}] out).
/// </summary>
public sealed class ImagenProviderContractTests : IDisposable
{
    private static readonly Uri Endpoint = new("https://generativelanguage.googleapis.com/v1beta/models/imagen-4.0-generate-001:predict");
    private readonly ProviderHarness _h = new();

    public void Dispose() => _h.Dispose();

    private Task<GenerationResult> Run(int width = 1024, int height = 1024, Dictionary<string, string>? options = null, AttemptRecorder? rec = null) =>
        _h.Clock.RunAsync(() => _h.Registry.For("imagen").GenerateAsync(
            new GenerationRequest(ProviderHarness.Model("imagen", "imagen-4.0-generate-001", "https://generativelanguage.googleapis.com/", options),
                "a lighthouse", width, height, new ApiKey("imagen-secret")), rec ?? _h.NewRecorder(), CancellationToken.None));

    [Fact]
    public async Task Documented_request_and_success()
    {
        _h.Handler.Json(HttpStatusCode.OK, $$"""{"predictions":[{"bytesBase64Encoded":"{{ProviderHarness.Png1x1Base64}}","mimeType":"image/png","prompt":"a lighthouse at dusk"}]}""",
            Endpoint, TimeSpan.FromMilliseconds(7000), new Dictionary<string, string> { ["server-timing"] = "gfet4t7; dur=6900" });
        var rec = _h.NewRecorder();

        var result = await Run(1792, 1024, new() { ["personGeneration"] = "allow_adult", ["seed"] = "7", ["addWatermark"] = "false", ["output_mime_type"] = "image/png" }, rec);

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(ProviderHarness.Png1x1, result.ImageBytes);
        Assert.Equal("image/png", result.DeclaredContentType);
        Assert.Equal("a lighthouse at dusk", result.RevisedPrompt);
        Assert.Equal(6900, result.ServerMs);
        var sent = _h.Handler.Requests.Single();
        Assert.Equal("imagen-secret", sent.Headers["x-goog-api-key"]);
        Assert.Equal("""{"instances":[{"prompt":"a lighthouse"}],"parameters":{"sampleCount":1,"aspectRatio":"16:9","includeRaiReason":true,"addWatermark":false,"personGeneration":"allow_adult","seed":7,"outputOptions":{"mimeType":"image/png"}}}""",
            sent.BodyJson.ToJsonString());
        var (phases, _) = rec.Stop();
        Assert.Equal([PhaseNames.Generating, PhaseNames.Download], phases.Select(p => p.Name));
        Assert.Equal(7000, phases[0].DurationMs);
    }

    [Fact]
    public async Task Rai_filtered_prediction_is_a_refusal_with_googles_words()
    {
        _h.Handler.Json(HttpStatusCode.OK, """{"predictions":[{"raiFilteredReason":"Your current safety filter threshold filtered out the generated image. Support codes: 56562880"}]}""");
        var result = await Run();
        Assert.Equal(AttemptOutcome.Refused, result.Outcome);
        Assert.Equal("raiFilteredReason (moderation_stage: output): Your current safety filter threshold filtered out the generated image. Support codes: 56562880", result.Reason);
    }

    [Fact]
    public async Task Empty_answer_is_a_refusal_because_imagen_drops_filtered_images()
    {
        _h.Handler.Json(HttpStatusCode.OK, "{}");
        var result = await Run();
        Assert.Equal(AttemptOutcome.Refused, result.Outcome);
        Assert.Contains("no raiFilteredReason", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "response is not a JSON object")]
    [InlineData("""{"predictions":[{"bytesBase64Encoded":"@@"}]}""", "bytesBase64Encoded is not valid base64")]
    public async Task Garbage_is_an_invalid_response(string body, string reason)
    {
        _h.Handler.Json(HttpStatusCode.OK, body);
        var result = await Run();
        Assert.Equal(AttemptOutcome.InvalidResponse, result.Outcome);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public async Task Http_errors_use_googles_envelope()
    {
        _h.Handler.Json(HttpStatusCode.BadRequest, """{"error":{"code":400,"message":"Imagen API is only accessible to billed users at this time.","status":"FAILED_PRECONDITION"}}""");
        var result = await Run();
        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.Equal("HTTP 400 FAILED_PRECONDITION: Imagen API is only accessible to billed users at this time.", result.Reason);
    }
}
