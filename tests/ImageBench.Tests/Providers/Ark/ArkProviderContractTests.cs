using System.Net;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Providers.Ark;

namespace ImageBench.Tests.Providers.Ark;

/// <summary>
/// Error shapes follow Ark's documented contract ({"error":{code,message,param,type}}, per-image errors inside
/// data[]); no error capture exists. The bad-size sentence is real, its envelope assumed.
/// </summary>
public sealed class ArkProviderContractTests : IDisposable
{
    private readonly ProviderHarness _h = new();

    public void Dispose() => _h.Dispose();

    private Task<GenerationResult> Run(IReadOnlyDictionary<string, string>? options = null) =>
        _h.Clock.RunAsync(() => _h.Registry.For("ark").GenerateAsync(
            new GenerationRequest(ProviderHarness.Model("ark", "seedream-4-0-250828", "https://ark.ap-southeast.bytepluses.com/", options), "p", 2048, 2048, new ApiKey("ark-secret")),
            _h.NewRecorder(), default));

    [Fact]
    public async Task Sensitive_content_400_is_a_refusal()
    {
        _h.Handler.Json(HttpStatusCode.BadRequest, """{"error":{"code":"InputTextSensitiveContentDetected","message":"The request failed because the input text may contain sensitive information.","param":"","type":"BadRequest"}}""");
        var result = await Run();
        Assert.Equal(AttemptOutcome.Refused, result.Outcome);
        Assert.Equal("HTTP 400 InputTextSensitiveContentDetected: The request failed because the input text may contain sensitive information.", result.Reason);
    }

    [Fact]
    public async Task Per_image_error_in_data_is_classified()
    {
        _h.Handler.Json(HttpStatusCode.OK, """{"model":"m","created":1,"data":[{"error":{"code":"OutputImageSensitiveContentDetected","message":"The generated image may contain sensitive information."}}],"usage":{"generated_images":0,"output_tokens":0,"total_tokens":0}}""");
        var result = await Run();
        Assert.Equal(AttemptOutcome.Refused, result.Outcome);
        Assert.StartsWith("data[0].error OutputImageSensitiveContentDetected", result.Reason, StringComparison.Ordinal);
        Assert.Single(_h.Handler.Requests);
    }

    [Fact]
    public async Task Bad_size_is_a_provider_error_in_arks_words()
    {
        _h.Handler.Json(HttpStatusCode.BadRequest, """{"error":{"code":"InvalidParameter","message":"size must be one of 'WIDTHxHEIGHT', '2k', '3k', or '4k'","param":"size","type":"BadRequest"}}""");
        var result = await Run();
        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.Equal("HTTP 400 InvalidParameter: size must be one of 'WIDTHxHEIGHT', '2k', '3k', or '4k'", result.Reason);
    }

    [Fact]
    public async Task Base64_answers_need_no_download_and_a_size_tier_option_replaces_pixels()
    {
        _h.Handler.Json(HttpStatusCode.OK, $$$"""{"data":[{"b64_json":"{{{ProviderHarness.Png1x1Base64}}}","size":"2048x2048"}],"usage":{"generated_images":1}}""");
        var result = await Run(new Dictionary<string, string> { ["size"] = "2K", ["response_format"] = "b64_json", ["seed"] = "12" });
        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(ProviderHarness.Png1x1, result.ImageBytes);
        var body = _h.Handler.Requests.Single().BodyJson;
        Assert.Equal(("2K", "b64_json", 12L), ((string)body["size"]!, (string)body["response_format"]!, (long)body["seed"]!));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"data":[]}""")]
    [InlineData("""{"data":[{"url":"file:///etc/passwd"}]}""")]
    [InlineData("""{"data":[{"b64_json":"%%%"}]}""")]
    public void Garbage_is_a_reason_not_an_exception(string body)
    {
        var (answer, failure) = ArkResponseParser.Parse(System.Text.Encoding.UTF8.GetBytes(body));
        Assert.Null(answer);
        Assert.NotNull(failure);
    }
}
