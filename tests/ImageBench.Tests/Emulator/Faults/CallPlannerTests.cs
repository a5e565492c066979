using ImageBench.Emulator;
using ImageBench.Emulator.Faults;

namespace ImageBench.Tests.Emulator.Faults;

/// <summary>The one mechanism every protocol's faults come from: per-call draws with their own history per site.</summary>
public sealed class CallPlannerTests
{
    private static CallPlanner Planner(params FaultRate[] faults) => new(EmulatorOptions.ArticleDefaults(0) with
    {
        DefaultProfile = new ModelProfile { Failures = new FailureInjection { Faults = faults } },
    });

    [Theory]
    [InlineData(FaultSite.Poll)]
    [InlineData(FaultSite.Delivery)]
    public void A_transient_fault_is_never_drawn_twice_in_a_row_for_the_same_job_or_url(FaultSite site)
    {
        var planner = Planner(new FaultRate(FaultKind.TruncatedBody, site, 1));

        var draws = Enumerable.Range(0, 6).Select(_ => planner.FaultAt(site, "m", "p", "job-1")).ToList();

        Assert.Equal([FaultKind.TruncatedBody, FaultKind.None, FaultKind.TruncatedBody, FaultKind.None, FaultKind.TruncatedBody, FaultKind.None], draws);
    }

    [Fact]
    public void Each_job_or_url_has_its_own_history()
    {
        var planner = Planner(new FaultRate(FaultKind.ResetMidBody, FaultSite.Delivery, 1));

        Assert.Equal(FaultKind.ResetMidBody, planner.FaultAt(FaultSite.Delivery, "m", "p", "a.png"));
        Assert.Equal(FaultKind.ResetMidBody, planner.FaultAt(FaultSite.Delivery, "m", "p", "b.png"));
        Assert.Equal(FaultKind.None, planner.FaultAt(FaultSite.Delivery, "m", "p", "a.png"));
    }

    [Fact]
    public void Faults_at_one_site_leave_the_others_alone()
    {
        var planner = Planner(new FaultRate(FaultKind.Unavailable, FaultSite.Poll, 1));

        Assert.Equal(FaultKind.None, planner.Next("m", "p").Fault);
        Assert.Equal(FaultKind.None, planner.FaultAt(FaultSite.Delivery, "m", "p", "x"));
        Assert.Equal(FaultKind.Unavailable, planner.FaultAt(FaultSite.Poll, "m", "p", "x"));
    }

    [Fact]
    public void A_persistent_fault_picks_prompts_and_answers_all_their_calls()
    {
        var planner = Planner(new FaultRate(FaultKind.Persistent, FaultSite.Create, 0.5));
        var prompts = Enumerable.Range(0, 40).Select(i => $"prompt {i}").ToList();

        var perPrompt = prompts.Select(p => Enumerable.Range(0, 5).Select(_ => planner.Next("m", p).Fault).Distinct().ToList()).ToList();

        Assert.All(perPrompt, faults => Assert.Single(faults));
        Assert.Contains(perPrompt, f => f[0] == FaultKind.Persistent);
        Assert.Contains(perPrompt, f => f[0] == FaultKind.None);
    }

    [Fact]
    public void Bands_add_up_so_every_call_draws_one_of_the_kinds_at_a_total_rate_of_one()
    {
        var planner = Planner(new FaultRate(FaultKind.RateLimit, FaultSite.Create, 0.5), new FaultRate(FaultKind.Hang, FaultSite.Create, 0.5));

        var firstCalls = Enumerable.Range(0, 40).Select(i => planner.Next("m", $"p{i}").Fault).ToList();

        Assert.All(firstCalls, f => Assert.Contains(f, new[] { FaultKind.RateLimit, FaultKind.Hang }));
        Assert.Contains(FaultKind.RateLimit, firstCalls);
        Assert.Contains(FaultKind.Hang, firstCalls);
    }

    [Fact]
    public void The_same_seed_draws_the_same_faults_in_another_planner()
    {
        FaultRate[] faults = [new(FaultKind.RateLimit, FaultSite.Create, 0.3), new(FaultKind.GarbageBody, FaultSite.Poll, 0.3)];
        var (a, b) = (Planner(faults), Planner(faults));

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(a.Next("m", $"p{i % 5}"), b.Next("m", $"p{i % 5}"));
            Assert.Equal(a.FaultAt(FaultSite.Poll, "m", "p", $"j{i % 3}"), b.FaultAt(FaultSite.Poll, "m", "p", $"j{i % 3}"));
        }
    }
}
