using System.Net;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Providers.Http;
using ImageBench.Providers.OpenRouter;

namespace ImageBench.Tests.Providers.OpenRouter;

/// <summary>
/// No error capture exists for OpenRouter: these follow its documented contract ({"error":{code,message,metadata}},
/// 403 for moderation) and Gemini's documented safety finish reasons.
/// </summary>
public sealed class OpenRouterProviderContractTests : IDisposable
{
    private readonly ProviderHarness _h = new();

    public void Dispose() => _h.Dispose();

    private Task<GenerationResult> Run(IReadOnlyDictionary<string, string>? options = null) =>
        _h.Clock.RunAsync(() => _h.Registry.For("openrouter").GenerateAsync(
            new GenerationRequest(ProviderHarness.Model("openrouter", "google/gemini-2.5-flash-image", "https://openrouter.ai/", options), "p", 1024, 1024, new ApiKey("sk-or-v1-secret")),
            _h.NewRecorder(), default));

    private static string Answer(string message, string native = "STOP", string cost = "0.001") =>
        $$$"""{"id":"gen-1","choices":[{"finish_reason":"stop","native_finish_reason":"{{{native}}}","message":{{{message}}}}],"usage":{"prompt_tokens":5,"completion_tokens":0,"cost":{{{cost}}}}}""";

    [Fact]
    public async Task Moderation_403_is_a_refusal_quoting_the_flag()
    {
        _h.Handler.Json(HttpStatusCode.Forbidden, """{"error":{"code":403,"message":"Your chosen model requires moderation and your input was flagged for \"violence\"","metadata":{"reasons":["violence"],"flagged_input":"p"}}}""");
        var result = await Run();
        Assert.Equal(AttemptOutcome.Refused, result.Outcome);
        Assert.StartsWith("HTTP 403: Your chosen model requires moderation", result.Reason, StringComparison.Ordinal);
        Assert.Contains("violence", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.PaymentRequired, """{"error":{"code":402,"message":"Insufficient credits. Add more using https://openrouter.ai/credits"}}""", "HTTP 402: Insufficient credits")]
    [InlineData(HttpStatusCode.BadRequest, """{"error":{"code":400,"message":"google/nope is not a valid model ID"}}""", "HTTP 400: google/nope is not a valid model ID")]
    [InlineData(HttpStatusCode.Unauthorized, """{"error":{"code":401,"message":"No auth credentials found for sk-or-v1-secret"}}""", "HTTP 401: No auth credentials found for [redacted]")]
    public async Task Other_errors_are_provider_errors_without_retries(HttpStatusCode status, string body, string reasonStart)
    {
        _h.Handler.Json(status, body);
        var result = await Run();
        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.StartsWith(reasonStart, result.Reason, StringComparison.Ordinal);
        Assert.Single(_h.Handler.Requests);
    }

    [Fact]
    public async Task Safety_finish_without_an_image_is_a_refusal_and_keeps_the_cost()
    {
        _h.Handler.Json(HttpStatusCode.OK, Answer("""{"role":"assistant","content":null}""", "IMAGE_SAFETY", "0.00002"));
        var result = await Run();
        Assert.Equal(AttemptOutcome.Refused, result.Outcome);
        Assert.Contains("IMAGE_SAFETY", result.Reason, StringComparison.Ordinal);
        Assert.Equal(0.00002m, result.ReportedCostUsd);
    }

    [Fact]
    public async Task Text_only_answer_is_invalid_and_quotes_the_text()
    {
        _h.Handler.Json(HttpStatusCode.OK, Answer("""{"role":"assistant","content":"I can describe it instead."}"""));
        var result = await Run();
        Assert.Equal(AttemptOutcome.InvalidResponse, result.Outcome);
        Assert.Contains("I can describe it instead.", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_inside_a_200_is_classified()
    {
        _h.Handler.Json(HttpStatusCode.OK, """{"id":"gen-2","error":{"code":502,"message":"Upstream provider returned an error"},"choices":[]}""");
        var result = await Run();
        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.Contains("Upstream provider returned an error", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data:image/png;base64,!!!not-base64!!!")]
    [InlineData("data:image/png,plain")]
    [InlineData("ftp://x/y.png")]
    public async Task Broken_image_urls_are_invalid_responses(string url)
    {
        _h.Handler.Json(HttpStatusCode.OK, Answer($$$"""{"role":"assistant","images":[{"type":"image_url","image_url":{"url":"{{{url}}}"}}]}"""));
        var result = await Run();
        Assert.Equal(AttemptOutcome.InvalidResponse, result.Outcome);
    }

    [Fact]
    public async Task Image_config_options_are_nested_and_others_sent_at_top_level()
    {
        _h.Handler.Json(HttpStatusCode.OK, OpenRouterProviderReplayTests.ReconstructedBody());
        await Run(new Dictionary<string, string> { ["image_config.aspect_ratio"] = "16:9", ["seed"] = "7" });
        var body = _h.Handler.Requests[0].BodyJson;
        Assert.Equal("16:9", (string)body["image_config"]!["aspect_ratio"]!);
        Assert.Equal(7, (long)body["seed"]!);
    }

    [Fact]
    public void Data_url_size_is_checked_before_decoding()
    {
        var (bytes, _, failure) = DataUrl.Decode("data:image/png;base64," + new string('A', 4000), cap: 1000);
        Assert.Null(bytes);
        Assert.Contains("exceeds the 1000-byte limit", failure, StringComparison.Ordinal);
        Assert.Equal(ProviderHarness.Png1x1, DataUrl.Decode("data:image/png;base64," + ProviderHarness.Png1x1Base64).Bytes);
    }

    [Fact]
    public void Parser_never_throws_on_odd_shapes()
    {
        foreach (var body in new[] { "", "null", "[]", "{}", """{"choices":5}""", """{"choices":[{"message":{"images":"x"}}]}""", """{"choices":[{}],"usage":{"cost":"free"}}""" })
        {
            var (answer, failure) = OpenRouterResponseParser.Parse(System.Text.Encoding.UTF8.GetBytes(body));
            Assert.True(answer is not null ^ failure is not null, body);
        }
    }
}
