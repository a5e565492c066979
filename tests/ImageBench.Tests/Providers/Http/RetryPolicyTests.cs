using CsCheck;
using ImageBench.Providers.Http;

namespace ImageBench.Tests.Providers.Http;

public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData(408, true)]
    [InlineData(409, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(402, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(422, false)]
    [InlineData(501, false)]
    [InlineData(200, false)]
    public void Only_transient_statuses_are_retried(int status, bool retryable) =>
        Assert.Equal(retryable, RetryPolicy.IsRetryableStatus(status));

    [Fact]
    public void Backoff_doubles_stays_under_the_ceiling_and_jitter_only_shortens() =>
        Gen.Select(Gen.Int[1, 40], Gen.Int[0, 1000]).Sample((retry, seed) =>
        {
            var policy = RetryPolicy.Default;
            var full = Math.Min(1000 * Math.Pow(2, Math.Min(retry - 1, 30)), 30_000);
            var wait = policy.Backoff(retry, new Random(seed)).TotalMilliseconds;
            return wait <= full + 1e-6 && wait >= full * 0.5 - 1e-6;
        });

    [Fact]
    public void Without_jitter_backoff_is_exact()
    {
        var policy = RetryPolicy.Default with { JitterFraction = 0 };
        Assert.Equal([1000.0, 2000.0, 4000.0, 8000.0, 16000.0, 30000.0],
            Enumerable.Range(1, 6).Select(i => policy.Backoff(i, new Random(1)).TotalMilliseconds));
    }
}
