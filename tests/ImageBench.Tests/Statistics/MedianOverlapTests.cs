using ImageBench.Statistics;

namespace ImageBench.Tests.Statistics;

public sealed class MedianOverlapTests
{
    [Fact]
    public void Far_apart_samples_do_not_overlap()
    {
        var fast = SampleSummary.Of([1000, 1100, 1050, 980, 1020, 1010])!;
        var slow = SampleSummary.Of([9000, 9500, 9100, 8900, 9300, 9200])!;
        Assert.False(MedianOverlap.Overlap(fast, slow));
        Assert.Contains("do not overlap", MedianOverlap.Sentence(fast, slow), StringComparison.Ordinal);
    }

    [Fact]
    public void Interleaved_samples_overlap()
    {
        var a = SampleSummary.Of([1000, 2000, 3000, 4000])!;
        var b = SampleSummary.Of([1500, 2500, 3500, 4500])!;
        Assert.True(MedianOverlap.Overlap(a, b));
        Assert.Contains("not distinguishable", MedianOverlap.Sentence(a, b), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1, 1, 2, true)]   // touching ends share a point
    [InlineData(0, 1, 1.5, 2, false)]
    [InlineData(0, 10, 2, 3, true)]  // one inside the other
    public void Intervals(double l1, double h1, double l2, double h2, bool overlap)
    {
        Assert.Equal(overlap, MedianOverlap.Overlap((l1, h1), (l2, h2)));
        Assert.Equal(overlap, MedianOverlap.Overlap((l2, h2), (l1, h1)));
    }
}
