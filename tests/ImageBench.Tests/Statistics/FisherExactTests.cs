using CsCheck;
using ImageBench.Statistics;

namespace ImageBench.Tests.Statistics;

public sealed class FisherExactTests
{
    [Theory]
    // Exact values, computed with rational arithmetic: P(X = x) = C(k, x)·C(N − k, n1 − x) / C(N, n1) with
    // k = x1 + x2 and N = n1 + n2; p = Σ P(X = x) over x with P(X = x) ≤ P(X = x1). Same as R's fisher.test.
    [InlineData(2, 2, 1, 2, 1.0)]
    [InlineData(1, 1, 0, 1, 1.0)]
    [InlineData(3, 3, 0, 3, 0.1)]
    [InlineData(4, 4, 0, 4, 0.02857142857142857)]
    [InlineData(5, 5, 0, 5, 0.007936507936507936)]
    [InlineData(7, 10, 2, 10, 0.06977851869492736)]
    [InlineData(10, 12, 3, 12, 0.012278137799742322)]
    [InlineData(30, 30, 5, 30, 5.48992768087473e-12)]
    public void Matches_exact_values(int x1, int n1, int x2, int n2, double expected) =>
        Assert.Equal(expected, FisherExact.TwoSidedP(x1, n1, x2, n2), expected * 1e-9 + 1e-15);

    [Fact]
    public void Two_of_two_against_one_of_two_is_not_separated() => Assert.False(FisherExact.Separates(2, 2, 1, 2));

    [Fact]
    public void Thirty_of_thirty_against_five_of_thirty_is_separated() => Assert.True(FisherExact.Separates(30, 30, 5, 30));

    [Fact]
    public void Equal_shares_give_one() => Assert.Equal(1.0, FisherExact.TwoSidedP(3, 6, 3, 6), 12);

    private static readonly Gen<(int X1, int N1, int X2, int N2)> Tables =
        from n1 in Gen.Int[1, 60] from n2 in Gen.Int[1, 60] from x1 in Gen.Int[0, n1] from x2 in Gen.Int[0, n2]
        select (x1, n1, x2, n2);

    [Fact]
    public void Is_a_probability_and_symmetric_in_groups_and_outcomes() =>
        Tables.Sample(t =>
        {
            double p = FisherExact.TwoSidedP(t.X1, t.N1, t.X2, t.N2);
            double swappedGroups = FisherExact.TwoSidedP(t.X2, t.N2, t.X1, t.N1);
            double swappedOutcomes = FisherExact.TwoSidedP(t.N1 - t.X1, t.N1, t.N2 - t.X2, t.N2);
            return p > 0 && p <= 1 && Math.Abs(p - swappedGroups) < 1e-9 && Math.Abs(p - swappedOutcomes) < 1e-9;
        });

    [Fact]
    public void A_more_lopsided_table_is_never_less_significant() =>
        // Moving one success from the weaker group to none (x2 − 1) with x1 at its maximum can only push p down.
        Gen.Int[2, 40].SelectMany(n => Gen.Int[1, n].Select(x2 => (n, x2))).Sample(t =>
            FisherExact.TwoSidedP(t.n, t.n, t.x2 - 1, t.n) <= FisherExact.TwoSidedP(t.n, t.n, t.x2, t.n) + 1e-12);
}
