using CsCheck;
using ImageBench.Statistics;

namespace ImageBench.Tests.Statistics;

public sealed class WilsonIntervalTests
{
    [Theory]
    // Wilson (1927) closed form to six places; R: prop.test(k, n, correct = FALSE)$conf.int.
    [InlineData(2, 2, 0.342380, 1.0)]
    [InlineData(1, 1, 0.206549, 1.0)]
    [InlineData(0, 4, 0.0, 0.489891)]
    [InlineData(7, 10, 0.396778, 0.892209)]
    [InlineData(50, 100, 0.403832, 0.596168)]
    public void Matches_published_values(int successes, int trials, double low, double high)
    {
        var (l, h) = WilsonInterval.Of95(successes, trials)!.Value;
        Assert.Equal(low, l, 5);
        Assert.Equal(high, h, 5);
    }

    [Fact]
    public void Nothing_tried_has_no_interval() => Assert.Null(WilsonInterval.Of95(0, 0));

    [Fact]
    public void Always_contains_the_share_and_stays_in_the_unit_interval() =>
        Gen.Int[1, 500].SelectMany(n => Gen.Int[0, n].Select(k => (k, n))).Sample(t =>
        {
            var (l, h) = WilsonInterval.Of95(t.k, t.n)!.Value;
            double p = (double)t.k / t.n;
            return 0 <= l && l <= p + 1e-12 && p - 1e-12 <= h && h <= 1;
        });
}
