using CsCheck;
using ImageBench.Statistics;

namespace ImageBench.Tests.Statistics;

public class SampleSummaryTests
{
    [Fact]
    public void Empty_sample_has_no_summary()
    {
        Assert.Null(SampleSummary.Of([]));
    }

    [Fact]
    public void Hand_computed_summary()
    {
        var s = SampleSummary.Of([80, 40, 60, 50, 70])!;
        Assert.Equal(5, s.N);
        Assert.Equal(60, s.Mean, 9);
        Assert.Equal(40, s.Min);
        Assert.Equal(80, s.Max);
        Assert.Equal(60, s.P50, 9);
        Assert.Equal(76, s.P90, 9); // h = 4·0.9 = 3.6 → 70 + 0.6·10
        Assert.Equal(78, s.P95, 9);
        Assert.Null(s.P99);
        Assert.InRange(s.MedianCiLow, 40, 60);
        Assert.InRange(s.MedianCiHigh, 60, 80);
    }

    [Fact]
    public void P99_is_given_from_100_samples()
    {
        var s = SampleSummary.Of(Enumerable.Range(1, 100).Select(i => (double)i).ToArray())!;
        Assert.Equal(99.01, s.P99!.Value, 9);
    }

    [Fact]
    public void Summary_is_ordered_consistent_and_permutation_invariant()
    {
        Gen.Select(Gen.Double[0, 1e6].Array[1, 30], Gen.Int).Sample((values, seed) =>
        {
            var s = SampleSummary.Of(values)!;
            Assert.Equal(values.Length, s.N);
            Assert.True(s.Min <= s.P50 && s.P50 <= s.P90 && s.P90 <= s.P95 && s.P95 <= s.Max, s.ToString());
            Assert.InRange(s.Mean, s.Min, s.Max);
            Assert.True(s.MedianCiLow <= s.P50 && s.P50 <= s.MedianCiHigh, s.ToString());
            Assert.InRange(s.MedianCiLow, s.Min, s.Max);
            Assert.InRange(s.MedianCiHigh, s.Min, s.Max);

            var shuffled = (double[])values.Clone();
            new Random(seed).Shuffle(shuffled);
            var t = SampleSummary.Of(shuffled)!;
            // Mean may differ in the last bits (summation order); everything else is computed from the sorted copy.
            Assert.Equal(s with { Mean = 0 }, t with { Mean = 0 });
            Assert.Equal(s.Mean, t.Mean, 6);
        }, iter: 200);
    }
}
