using System.Net;
using System.Text;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Providers.OpenAI;

/// <summary>Behaviours with no recorded capture: bodies here follow the documented contract (CONTRACTS.md §1).</summary>
public sealed class OpenAIProviderContractTests : IDisposable
{
    private static readonly Uri Endpoint = new("https://api.openai.com/v1/images/generations");
    private readonly ProviderHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static string OkBody(string b64 = ProviderHarness.Png1x1Base64) =>
        """{"created":1,"data":[{"b64_json":""" + "\"" + b64 + "\"" +
        """}],"usage":{"input_tokens":11,"output_tokens":6240,"total_tokens":6251,"output_tokens_details":{"image_tokens":6240,"text_tokens":0}}}""";

    private Task<GenerationResult> Run(AttemptRecorder rec, string baseUrl = "https://api.openai.com", ApiKey? key = null) =>
        _h.Clock.RunAsync(() => _h.Registry.For("openai").GenerateAsync(
            new GenerationRequest(ProviderHarness.Model("openai", "gpt-image-1", baseUrl), "p", 1024, 1024, key ?? new ApiKey("sk-x")), rec, CancellationToken.None));

    [Fact]
    public async Task Documented_moderation_blocked_400_is_a_refusal_with_stage()
    {
        // DOCUMENTED CONTRACT, not a capture: shape from CONTRACTS.md §1 (UNVERIFIED for this endpoint).
        _h.Handler.Json(HttpStatusCode.BadRequest, """
            {"error":{"message":"Your request was rejected by the safety system. safety_violations=[sexual].","type":"image_generation_user_error",
             "param":null,"code":"moderation_blocked","moderation_details":{"moderation_stage":"input","categories":["sexual"]}}}
            """);
        var result = await Run(_h.NewRecorder());

        Assert.Equal(AttemptOutcome.Refused, result.Outcome);
        Assert.Equal(400, result.HttpStatus);
        Assert.Contains("rejected by the safety system", result.Reason, StringComparison.Ordinal);
        Assert.Contains("moderation_stage: input", result.Reason, StringComparison.Ordinal);
        Assert.Contains("sexual", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Legacy_content_policy_violation_is_a_refusal_but_other_400s_are_errors()
    {
        _h.Handler.Json(HttpStatusCode.BadRequest, """{"error":{"message":"Your request was rejected as a result of our safety system.","type":"invalid_request_error","code":"content_policy_violation"}}""");
        _h.Handler.Json(HttpStatusCode.BadRequest, """{"error":{"message":"Invalid size","type":"invalid_request_error","code":"invalid_value","param":"size"}}""");

        Assert.Equal(AttemptOutcome.Refused, (await Run(_h.NewRecorder())).Outcome);
        var other = await Run(_h.NewRecorder());
        Assert.Equal(AttemptOutcome.ProviderError, other.Outcome);
        Assert.Contains("Invalid size", other.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_after_429_is_waited_recorded_and_then_succeeds()
    {
        _h.Handler.Json(HttpStatusCode.TooManyRequests, """{"error":{"message":"Rate limit reached for images","type":"requests","code":"rate_limit_exceeded"}}""",
            Endpoint, TimeSpan.FromMilliseconds(40), new Dictionary<string, string> { ["Retry-After"] = "7" });
        _h.Handler.Json(HttpStatusCode.OK, OkBody(), Endpoint, TimeSpan.FromMilliseconds(9_000));
        var rec = _h.NewRecorder();

        var result = await Run(rec);

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        var retry = Assert.Single(rec.Retries);
        Assert.Equal(new RetryRecord(1, PhaseNames.Generating, 429, "Rate limit reached for images", 40, 7_000, "retry-after"), retry);
        Assert.Equal(TimeSpan.FromSeconds(7), _h.Clock.TimerAdvances);
        Assert.Equal(6240, result.Usage!.OutputImageTokens);
        var (phases, latency) = rec.Stop();
        Assert.Equal(16_040, latency);
        Assert.Equal(16_040, phases.Single(p => p.Name == PhaseNames.Generating).DurationMs);
    }

    [Fact]
    public async Task Unavailable_is_retried_then_reported_as_provider_error()
    {
        for (var i = 0; i < 4; i++)
            _h.Handler.Json(HttpStatusCode.ServiceUnavailable, "<html>service unavailable</html>");
        var rec = _h.NewRecorder();

        var result = await Run(rec);

        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.Equal(503, result.HttpStatus);
        Assert.Contains("service unavailable", result.Reason, StringComparison.Ordinal);
        Assert.Equal([1000.0, 2000.0, 4000.0], rec.Retries.Select(r => r.WaitMs));
        Assert.All(rec.Retries, r => Assert.Equal("backoff", r.WaitSource));
    }

    [Fact]
    public async Task A_bad_gateway_is_reported_at_once_because_the_image_may_be_under_way()
    {
        _h.Handler.Json(HttpStatusCode.BadGateway, "<html>bad gateway</html>");
        var rec = _h.NewRecorder();

        var result = await Run(rec);

        Assert.Equal((AttemptOutcome.ProviderError, 502), (result.Outcome, result.HttpStatus));
        Assert.Contains("bad gateway", result.Reason, StringComparison.Ordinal);
        Assert.Empty(rec.Retries);
        Assert.Single(_h.Handler.Requests);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("""{"created":1,"data":[]}""")]
    [InlineData("""{"created":1}""")]
    [InlineData("""{"data":[{"b64_json":"%%% not base64 %%%"}]}""")]
    [InlineData("""{"data":[{"url":"ftp://x/y.png"}]}""")]
    [InlineData("[1,2,3]")]
    public async Task Garbage_200_is_an_invalid_response(string body)
    {
        _h.Handler.Json(HttpStatusCode.OK, body);
        var result = await Run(_h.NewRecorder());
        Assert.Equal(AttemptOutcome.InvalidResponse, result.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
        Assert.Null(result.ImageBytes);
    }

    [Fact]
    public async Task Truncated_body_is_an_invalid_response_and_not_re_posted()
    {
        var prefix = Encoding.UTF8.GetBytes(OkBody()[..40]);
        _h.Handler.Enqueue(new Reply(HttpStatusCode.OK, () => new TruncatedContent(prefix, 5_000)));
        var result = await Run(_h.NewRecorder());

        Assert.Equal(AttemptOutcome.InvalidResponse, result.Outcome);
        Assert.Contains("truncated", result.Reason, StringComparison.Ordinal);
        Assert.Single(_h.Handler.Requests);
    }

    [Fact]
    public async Task Base_url_prefix_is_kept_and_no_key_means_no_header()
    {
        _h.Handler.Json(HttpStatusCode.OK, OkBody(), new Uri("https://gateway.example/openai/v1/images/generations"));
        var result = await _h.Clock.RunAsync(() => _h.Registry.For("openai").GenerateAsync(
            new GenerationRequest(ProviderHarness.Model("openai", "gpt-image-1", "https://gateway.example/openai"), "p", 1024, 1024, null),
            _h.NewRecorder(), CancellationToken.None));

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.False(_h.Handler.Requests[0].Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Download_url_that_fails_is_a_provider_error()
    {
        _h.Handler.Json(HttpStatusCode.OK, """{"data":[{"url":"https://blob.example/img.png?sig=x"}]}""");
        _h.Handler.Json(HttpStatusCode.Forbidden, "<Error>AuthenticationFailed</Error>");
        var result = await Run(_h.NewRecorder());

        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.Equal(403, result.HttpStatus);
        Assert.Contains("download", result.Reason, StringComparison.Ordinal);
    }
}
