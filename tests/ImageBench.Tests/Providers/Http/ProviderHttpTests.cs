using System.Net;
using System.Text;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Providers.Http;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Providers.Http;

public sealed class ProviderHttpTests : IDisposable
{
    private static readonly Uri Url = new("https://api.example/v1/x");
    private readonly SteppingClock _clock = new();
    private readonly RecordedHandler _handler;
    private readonly HttpClient _client;
    private readonly ProviderHttp _http;

    public ProviderHttpTests()
    {
        _handler = new RecordedHandler(_clock);
        _client = new HttpClient(_handler);
        _http = new ProviderHttp(_client, new Random(7));
    }

    public void Dispose() => _client.Dispose();

    /// <summary>A call that is free to repeat (a poll): the retry mechanics themselves, without the paid-work rule.</summary>
    private Task<HttpResponseMessage> Send(AttemptRecorder rec, RetryPolicy? policy = null, ApiKey? secret = null) =>
        _clock.RunAsync(() => _http.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Url), rec,
            policy ?? ProviderHarness.Policy, PhaseNames.Queued, CallBilling.Free, CancellationToken.None, secret));

    [Fact]
    public async Task Network_errors_are_retried_with_backoff_and_recorded()
    {
        _handler.Enqueue(new Reply(HttpStatusCode.OK, () => null, Throw: new HttpRequestException("Connection reset by peer"), ServerTime: TimeSpan.FromMilliseconds(25)));
        _handler.Json(HttpStatusCode.OK, "{}");
        var rec = new AttemptRecorder(_clock);

        using var response = await Send(rec);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new RetryRecord(1, "queued", null, "HttpRequestException: Connection reset by peer", 25, 1000, "backoff"), Assert.Single(rec.Retries));
    }

    [Fact]
    public async Task Handler_timeouts_are_network_errors_not_cancellations()
    {
        _handler.Enqueue(new Reply(HttpStatusCode.OK, () => null, Throw: new TaskCanceledException("connect timed out")));
        _handler.Json(HttpStatusCode.OK, "{}");
        var rec = new AttemptRecorder(_clock);

        using var response = await Send(rec);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("timed out", Assert.Single(rec.Retries).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Network_errors_outlasting_the_policy_are_rethrown()
    {
        for (var i = 0; i < 4; i++)
            _handler.Enqueue(new Reply(HttpStatusCode.OK, () => null, Throw: new HttpRequestException("refused")));
        var rec = new AttemptRecorder(_clock);

        await Assert.ThrowsAsync<HttpRequestException>(() => Send(rec));
        Assert.Equal(3, rec.Retries.Count);
        Assert.Equal(4, _handler.Requests.Count);
    }

    [Fact]
    public async Task Retry_after_ms_is_preferred_and_honoured_exactly()
    {
        _handler.Json(HttpStatusCode.ServiceUnavailable, """{"error":{"message":"overloaded"}}""",
            headers: new Dictionary<string, string> { ["retry-after-ms"] = "1234", ["Retry-After"] = "2" });
        _handler.Json(HttpStatusCode.OK, "{}");
        var rec = new AttemptRecorder(_clock);

        using var response = await Send(rec);

        var retry = Assert.Single(rec.Retries);
        Assert.Equal(("retry-after-ms", 1234.0, "overloaded", 503), (retry.WaitSource, retry.WaitMs, retry.Reason, retry.HttpStatus));
        Assert.Equal(1234, rec.ElapsedMs);
    }

    [Fact]
    public async Task Retry_after_longer_than_the_cap_gives_up_and_hands_back_the_unread_response()
    {
        _handler.Json(HttpStatusCode.TooManyRequests, """{"error":{"message":"come back tomorrow"}}""",
            headers: new Dictionary<string, string> { ["Retry-After"] = "86400" });
        var rec = new AttemptRecorder(_clock);

        using var response = await Send(rec);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("come back tomorrow", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(rec.Retries);
        Assert.Equal(0, rec.ElapsedMs);
    }

    [Fact]
    public async Task A_wait_beyond_the_remaining_budget_is_not_started()
    {
        var policy = ProviderHarness.Policy with { MaxTotalWait = TimeSpan.FromSeconds(2.5) };
        for (var i = 0; i < 3; i++) _handler.Json(HttpStatusCode.ServiceUnavailable, "busy");
        var rec = new AttemptRecorder(_clock);

        using var response = await Send(rec, policy);

        // 1 s + 2 s would exceed 2.5 s: only the first wait happens.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal([1000.0], rec.Retries.Select(r => r.WaitMs));
        Assert.Equal(2, _handler.Requests.Count);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        _handler.Json(HttpStatusCode.UnprocessableEntity, """{"detail":[{"loc":["body","width"],"msg":"bad","type":"x"}]}""");
        var rec = new AttemptRecorder(_clock);
        using var response = await Send(rec);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Empty(rec.Retries);
    }

    [Fact]
    public async Task Retry_reasons_are_truncated_and_scrubbed_of_the_key()
    {
        _handler.Json(HttpStatusCode.InternalServerError, $$$"""{"error":{"message":"key sk-live-abc rejected {{{new string('x', 1000)}}}"}}""");
        _handler.Json(HttpStatusCode.OK, "{}");
        var rec = new AttemptRecorder(_clock);

        using var response = await Send(rec, secret: new ApiKey("sk-live-abc"));

        var reason = Assert.Single(rec.Retries).Reason;
        Assert.True(reason.Length <= ProviderWords.MaxLength, $"reason has {reason.Length} chars");
        Assert.DoesNotContain("sk-live-abc", reason, StringComparison.Ordinal);
        Assert.StartsWith("key [redacted] rejected", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_retries_a_truncated_body_then_succeeds()
    {
        _handler.Enqueue(new Reply(HttpStatusCode.OK, () => new TruncatedContent(Encoding.UTF8.GetBytes("abc"), 100)));
        _handler.Bytes(ProviderHarness.Png1x1, "image/png");
        var rec = new AttemptRecorder(_clock);

        var download = await _clock.RunAsync(() => _http.DownloadAsync(new Uri("https://cdn.example/a.png"), rec, ProviderHarness.Policy, 1024, CancellationToken.None));

        Assert.Equal(ProviderHarness.Png1x1, download.Bytes);
        Assert.Equal("image/png", download.ContentType);
        var retry = Assert.Single(rec.Retries);
        Assert.Equal((PhaseNames.Download, 200), (retry.Phase, retry.HttpStatus));
        Assert.Contains("truncated", retry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_over_the_cap_is_refused()
    {
        _handler.Bytes(new byte[2048], "image/png");
        var download = await _clock.RunAsync(() => _http.DownloadAsync(new Uri("https://cdn.example/a.png"), new AttemptRecorder(_clock), ProviderHarness.Policy, 1024, CancellationToken.None));
        Assert.Null(download.Bytes);
        Assert.True(download.BodyInvalid);
        Assert.Contains("limit", download.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://api.openai.com", "https://api.openai.com/v1/images/generations")]
    [InlineData("https://gw.example/openai", "https://gw.example/openai/v1/images/generations")]
    [InlineData("https://gw.example/openai/", "https://gw.example/openai/v1/images/generations")]
    [InlineData("http://localhost:5080/emu/openai?x=1", "http://localhost:5080/emu/openai/v1/images/generations")]
    public void Url_join_keeps_base_path_prefixes(string baseUrl, string expected) =>
        Assert.Equal(new Uri(expected), UrlJoin.Combine(new Uri(baseUrl), "/v1/images/generations"));
}
