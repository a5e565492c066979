using System.Globalization;
using CsCheck;
using ImageBench.Providers.Http;

namespace ImageBench.Tests.Providers.Http;

public sealed class RetryAfterTests
{
    private static readonly Gen<DateTimeOffset> WholeSecondTimes =
        Gen.Long[new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), new DateTimeOffset(2090, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds()]
            .Select(DateTimeOffset.FromUnixTimeSeconds);

    [Fact]
    public void Delta_seconds_are_read_as_seconds() =>
        Gen.Select(Gen.Int[0, 10_000_000], WholeSecondTimes).Sample((seconds, now) =>
            RetryAfter.Parse(null, seconds.ToString(CultureInfo.InvariantCulture), now) == new RetryAfterHint(TimeSpan.FromSeconds(seconds), "retry-after"));

    [Fact]
    public void Http_date_is_measured_from_the_given_clock() =>
        Gen.Select(Gen.Int[-100_000, 100_000], WholeSecondTimes).Sample((offset, now) =>
        {
            var header = now.AddSeconds(offset).ToString("r", CultureInfo.InvariantCulture);
            var expected = TimeSpan.FromSeconds(Math.Max(0, offset));
            return RetryAfter.Parse(null, header, now) == new RetryAfterHint(expected, "retry-after");
        });

    [Fact]
    public void Retry_after_ms_wins_over_retry_after() =>
        Gen.Select(Gen.Double[0, 1e9], Gen.Int[0, 1000]).Sample((ms, seconds) =>
        {
            var hint = RetryAfter.Parse(ms.ToString("R", CultureInfo.InvariantCulture), seconds.ToString(CultureInfo.InvariantCulture), DateTimeOffset.UnixEpoch);
            return hint is not null && hint.Source == "retry-after-ms" && Math.Abs(hint.Wait.TotalMilliseconds - ms) < 0.01;
        });

    [Fact]
    public void Garbage_never_throws_and_never_yields_a_negative_wait() =>
        Gen.Select(Gen.String.Null(), Gen.String.Null(), WholeSecondTimes).Sample((ms, ra, now) =>
        {
            var hint = RetryAfter.Parse(ms, ra, now);
            return hint is null || hint.Wait >= TimeSpan.Zero;
        });

    [Theory]
    [InlineData("-5")]
    [InlineData("soon")]
    [InlineData("1.5")]
    [InlineData("")]
    public void Unreadable_retry_after_is_ignored(string value) =>
        Assert.Null(RetryAfter.Parse(null, value, DateTimeOffset.UnixEpoch));

    [Fact]
    public void Bad_retry_after_ms_falls_back_to_retry_after() =>
        Assert.Equal(new RetryAfterHint(TimeSpan.FromSeconds(3), "retry-after"), RetryAfter.Parse("NaN", "3", DateTimeOffset.UnixEpoch));
}
