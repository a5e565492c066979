using CsCheck;
using ImageBench.Statistics;

namespace ImageBench.Tests.Statistics;

public class QuantilesTests
{
    [Theory]
    // Values checked against numpy.percentile / R quantile(type = 7).
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.9, 3.7)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.5, 2.5)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.0, 1.0)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 1.0, 4.0)]
    [InlineData(new[] { 1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.95, 9.55)]
    [InlineData(new[] { 96.4, 38.8, 58.1, 45.0, 61.2, 52.1, 58.0 }, 0.5, 58.0)]
    [InlineData(new[] { 5.0 }, 0.37, 5.0)]
    [InlineData(new[] { 10.0, 20 }, 0.25, 12.5)]
    public void Type7_matches_hand_computed_values(double[] values, double p, double expected)
    {
        Array.Sort(values);
        Assert.Equal(expected, Quantiles.Type7(values, p), 9);
    }

    [Fact]
    public void Type7_rejects_empty_input_and_probabilities_outside_0_1()
    {
        Assert.Throws<ArgumentException>(() => Quantiles.Type7([], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Type7([1.0], 1.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Type7([1.0], -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Type7([1.0], double.NaN));
    }

    [Fact]
    public void Type7_is_monotone_in_p_and_stays_within_min_and_max()
    {
        Gen.Select(Gen.Double[-1e6, 1e6].Array[1, 40], Gen.Double[0, 1], Gen.Double[0, 1]).Sample((values, a, b) =>
        {
            Array.Sort(values);
            var (lo, hi) = a <= b ? (a, b) : (b, a);
            double qLo = Quantiles.Type7(values, lo), qHi = Quantiles.Type7(values, hi);
            Assert.True(qLo <= qHi, $"q({lo})={qLo} > q({hi})={qHi}");
            Assert.InRange(qLo, values[0], values[^1]);
            Assert.InRange(qHi, values[0], values[^1]);
        }, iter: 500);
    }
}
