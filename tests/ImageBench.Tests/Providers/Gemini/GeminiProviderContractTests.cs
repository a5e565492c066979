using System.Net;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Providers.Gemini;

namespace ImageBench.Tests.Providers.Gemini;

/// <summary>
/// Answers with no capture: these follow the documented contract (CONTRACTS.md §5: safety blocks, the
/// {"error":{code,message,status}} envelope, 429 RESOURCE_EXHAUSTED, Gemini 3 thought parts).
/// </summary>
public sealed class GeminiProviderContractTests : IDisposable
{
    private static readonly Uri Endpoint = new("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash-image:generateContent");
    private readonly ProviderHarness _h = new();

    public void Dispose() => _h.Dispose();

    private Task<GenerationResult> Run(int width = 1024, int height = 1024, Dictionary<string, string>? options = null, AttemptRecorder? rec = null) =>
        _h.Clock.RunAsync(() => _h.Registry.For("gemini").GenerateAsync(
            new GenerationRequest(ProviderHarness.Model("gemini", "gemini-2.5-flash-image", "https://generativelanguage.googleapis.com", options),
                "p", width, height, new ApiKey("gemini-secret")), rec ?? _h.NewRecorder(), CancellationToken.None));

    private static string Image(string extra = "") =>
        "{\"candidates\":[{\"content\":{\"parts\":[" + extra + "{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"" + ProviderHarness.Png1x1Base64
        + "\"}}]},\"finishReason\":\"STOP\"}]}";

    [Fact]
    public async Task Prompt_block_is_an_input_refusal()
    {
        _h.Handler.Json(HttpStatusCode.OK, """{"promptFeedback":{"blockReason":"PROHIBITED_CONTENT"},"usageMetadata":{"promptTokenCount":7,"totalTokenCount":7}}""");
        var result = await Run();
        Assert.Equal(AttemptOutcome.Refused, result.Outcome);
        Assert.Equal("promptFeedback.blockReason PROHIBITED_CONTENT (moderation_stage: input)", result.Reason);
        Assert.Equal(7, result.Usage!.InputTextTokens);
    }

    [Theory]
    [InlineData("IMAGE_SAFETY")]
    [InlineData("SAFETY")]
    [InlineData("PROHIBITED_CONTENT")]
    public async Task Safety_finish_without_image_is_an_output_refusal(string finish)
    {
        _h.Handler.Json(HttpStatusCode.OK, $$"""{"candidates":[{"finishReason":"{{finish}}","finishMessage":"filtered","index":0}]}""");
        var result = await Run();
        Assert.Equal(AttemptOutcome.Refused, result.Outcome);
        Assert.Equal($"finishReason {finish} (moderation_stage: output): filtered", result.Reason);
    }

    [Fact]
    public async Task Non_square_sizes_send_the_nearest_aspect_ratio_and_square_sends_none()
    {
        _h.Handler.Json(HttpStatusCode.OK, Image(), Endpoint).Json(HttpStatusCode.OK, Image(), Endpoint);
        await Run(1920, 1080);
        await Run();
        Assert.Equal("16:9", (string)_h.Handler.Requests[0].BodyJson["generationConfig"]!["imageConfig"]!["aspectRatio"]!);
        Assert.Null(_h.Handler.Requests[1].BodyJson["generationConfig"]!["imageConfig"]);
        Assert.Equal("""["TEXT","IMAGE"]""", _h.Handler.Requests[1].BodyJson["generationConfig"]!["responseModalities"]!.ToJsonString());
    }

    [Fact]
    public async Task Image_options_become_image_config()
    {
        _h.Handler.Json(HttpStatusCode.OK, Image());
        await Run(options: new() { ["image_size"] = "2K", ["output_mime_type"] = "image/jpeg", ["compression_quality"] = "85", ["response_modalities"] = "image" });
        var config = _h.Handler.Requests[0].BodyJson["generationConfig"]!;
        Assert.Equal("""{"responseModalities":["IMAGE"],"imageConfig":{"imageSize":"2K","imageOutputOptions":{"mimeType":"image/jpeg","compressionQuality":85}}}""", config.ToJsonString());
    }

    [Fact]
    public async Task Thought_images_are_skipped_for_the_final_one()
    {
        var thought = """{"inlineData":{"mimeType":"image/jpeg","data":"/9j/AAAA"},"thought":true},{"text":"draft","thought":true},""";
        _h.Handler.Json(HttpStatusCode.OK, Image(thought));
        var result = await Run();
        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(ProviderHarness.Png1x1, result.ImageBytes);
        Assert.Null(result.Reason); // thought text is not the model's answer
    }

    [Fact]
    public async Task Quota_429_is_retried_then_succeeds()
    {
        _h.Handler.Json(HttpStatusCode.TooManyRequests, """{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}""",
            headers: new Dictionary<string, string> { ["Retry-After"] = "3" });
        _h.Handler.Json(HttpStatusCode.OK, Image());
        var rec = _h.NewRecorder();
        var result = await Run(rec: rec);
        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        var retry = Assert.Single(rec.Retries);
        Assert.Equal((429, PhaseNames.Generating, 3000.0), (retry.HttpStatus!.Value, retry.Phase, retry.WaitMs));
        Assert.Equal("Resource has been exhausted (e.g. check quota).", retry.Reason);
    }

    [Fact]
    public async Task Invalid_argument_is_a_provider_error_with_googles_status_and_no_key()
    {
        _h.Handler.Json(HttpStatusCode.BadRequest, """{"error":{"code":400,"message":"API key not valid: gemini-secret. Please pass a valid API key.","status":"INVALID_ARGUMENT"}}""");
        var result = await Run();
        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.Equal("HTTP 400 INVALID_ARGUMENT: API key not valid: [redacted]. Please pass a valid API key.", result.Reason);
        Assert.Equal(400, result.HttpStatus);
    }

    [Theory]
    [InlineData("not json", "response is not JSON")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"inlineData":{"mimeType":"image/png","data":"%%%"}}]}}]}""", "inlineData.data is not valid base64")]
    [InlineData("""{"usageMetadata":{}}""", "response has neither candidates nor promptFeedback.blockReason")]
    public async Task Garbage_is_an_invalid_response(string body, string reason)
    {
        _h.Handler.Json(HttpStatusCode.OK, body);
        var result = await Run();
        Assert.Equal(AttemptOutcome.InvalidResponse, result.Outcome);
        Assert.StartsWith(reason, result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gfet4t7; dur=25969", 25969.0)]
    [InlineData("cache;desc=miss, gfet4t7; dur=12.5", 12.5)]
    [InlineData("gfet4t7", null)]
    public void Server_timing_dur_is_read(string header, double? expected)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.TryAddWithoutValidation("server-timing", header);
        Assert.Equal(expected, GoogleEndpoint.ServerTimingMs(response));
    }

    [Fact]
    public void Vertex_express_mode_keeps_the_api_key_header()
    {
        var request = new GenerationRequest(ProviderHarness.Model("gemini", "gemini-2.5-flash-image", "https://aiplatform.googleapis.com",
            new Dictionary<string, string> { ["api"] = "vertex" }), "p", 1024, 1024, null);
        var endpoint = GoogleEndpoint.For(request, "generateContent");
        Assert.Equal("https://aiplatform.googleapis.com/v1/publishers/google/models/gemini-2.5-flash-image:generateContent", endpoint.Url.AbsoluteUri);
        Assert.False(endpoint.BearerAuth);
    }
}
