using ImageBench.Statistics;

namespace ImageBench.Tests.Statistics;

public class BootstrapTests
{
    [Fact]
    public void No_values_give_no_interval_and_one_value_gives_that_value()
    {
        Assert.Null(Bootstrap.MedianCi95([]));
        Assert.Equal((7.5, 7.5), Bootstrap.MedianCi95([7.5]));
    }

    [Fact]
    public void Same_values_and_seed_give_the_same_interval()
    {
        double[] values = [40, 50, 60, 70, 80, 95, 41];
        Assert.Equal(Bootstrap.MedianCi95(values), Bootstrap.MedianCi95(values));
        Assert.Equal(Bootstrap.MedianCi95(values, seed: 1), Bootstrap.MedianCi95(values, seed: 1));
    }

    [Fact]
    public void Two_values_span_both_because_each_resample_median_is_one_of_three_values()
    {
        // Resample medians of [10, 20] are 10 (p=¼), 15 (½) or 20 (¼): the 2.5% and 97.5% points are the extremes.
        Assert.Equal((10.0, 20.0), Bootstrap.MedianCi95([10, 20]));
    }

    [Fact]
    public void Interval_of_a_constant_sample_is_that_constant()
    {
        Assert.Equal((3.0, 3.0), Bootstrap.MedianCi95([3, 3, 3, 3, 3]));
    }

    [Fact]
    public void Interval_narrows_as_the_sample_grows()
    {
        var random = new Random(5);
        double[] Sample(int n) => Enumerable.Range(0, n).Select(_ => 50 + 10 * random.NextDouble()).ToArray();
        var small = Bootstrap.MedianCi95(Sample(6))!.Value;
        var large = Bootstrap.MedianCi95(Sample(400))!.Value;
        Assert.True(large.High - large.Low < small.High - small.Low);
    }
}
