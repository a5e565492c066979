using CsCheck;
using ImageBench.Running;

namespace ImageBench.Tests.Running;

public class BudgetGuardTests
{
    [Fact]
    public void Stops_before_the_call_that_would_exceed()
    {
        var guard = new BudgetGuard(0.10m);
        Assert.True(guard.TryReserve(0.04m));
        guard.Settle(0.04m, 0.04m);
        Assert.True(guard.TryReserve(0.04m));
        Assert.False(guard.TryReserve(0.04m)); // 0.04 spent + 0.04 in flight + 0.04 > 0.10
        Assert.True(guard.Exhausted);
        guard.Settle(0.04m, 0.04m);
        Assert.False(guard.TryReserve(0.001m)); // once stopped, stays stopped
    }

    [Fact]
    public void Spending_never_exceeds_the_budget_when_actuals_match_estimates()
    {
        Gen.Decimal[0.001m, 1m].Select(Gen.Decimal[0m, 5m], Gen.Int[1, 200]).Sample((price, limit, calls) =>
        {
            var guard = new BudgetGuard(limit);
            for (var i = 0; i < calls && guard.TryReserve(price); i++) guard.Settle(price, price);
            Assert.True(guard.Spent <= limit);
            Assert.True(guard.Spent + price > limit || guard.Spent == price * calls);
        });
    }

    [Fact]
    public void No_limit_never_stops()
    {
        var guard = new BudgetGuard(null);
        for (var i = 0; i < 1000; i++) Assert.True(guard.TryReserve(1m));
    }
}
