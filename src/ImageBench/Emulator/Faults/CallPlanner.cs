using System.Collections.Concurrent;
using ImageBench.Emulator.Randomness;

namespace ImageBench.Emulator.Faults;

/// <summary>
/// Decides latency and faults for each call from (seed, model, prompt, call index), so runs are reproducible and a
/// retry of a failed call is a new call index that is never failed again. "The same call" is the same model and
/// prompt at create, the same job at poll and the same URL at delivery: each has its own history.
/// </summary>
internal sealed class CallPlanner(EmulatorOptions options)
{
    private readonly ConcurrentDictionary<(FaultSite Site, string Model, string Key), CallHistory> _history = new();

    /// <summary>The plan of a create call (a generation or a submission).</summary>
    public CallPlan Next(string model, string prompt)
    {
        var profile = options.ProfileFor(model);
        var history = _history.GetOrAdd((FaultSite.Create, model, prompt), _ => new CallHistory());
        lock (history)
        {
            int index = history.Calls++;
            var random = DeterministicRandom.For(options.Seed, model, prompt, index);
            double latency = LatencySampler.SampleSeconds(profile.Latency, random) * options.TimeScale;
            var fault = Draw(profile.Failures, FaultSite.Create, model, prompt, prompt, history, random);
            return new CallPlan(model, index, TimeSpan.FromSeconds(latency), fault, IsRefused(model, prompt, profile), random.NextUInt64());
        }
    }

    /// <summary>The fault (or none) for one poll of a job or one fetch of a delivery URL; <paramref name="key"/> names the job or URL.</summary>
    public FaultKind FaultAt(FaultSite site, string model, string prompt, string key)
    {
        var history = _history.GetOrAdd((site, model, key), _ => new CallHistory());
        lock (history)
        {
            int index = history.Calls++;
            var random = DeterministicRandom.For(options.Seed, model, prompt, FaultKinds.SiteName(site), key, index);
            return Draw(options.ProfileFor(model).Failures, site, model, prompt, key, history, random);
        }
    }

    /// <summary>Moderation judges the prompt, not the attempt: the same prompt is refused every time.</summary>
    private bool IsRefused(string model, string prompt, ModelProfile profile) =>
        profile.Failures.RefusalRate > 0
        && DeterministicRandom.For(options.Seed, model, prompt, "refusal").NextDouble() < profile.Failures.RefusalRate;

    private FaultKind Draw(FailureInjection failures, FaultSite site, string model, string prompt, string key, CallHistory history, DeterministicRandom random)
    {
        var rates = failures.Rates().Where(r => r.Site == site && r.Rate > 0).ToList();
        // Sticky kinds are decided once, from their own hash, so they neither consume nor disturb the per-call draw.
        foreach (var rate in rates.Where(r => !FaultKinds.Of(r.Kind).Transient))
        {
            // A persistent fault, a rejected key or an empty account picks prompts; a dead URL picks URLs.
            var scope = FaultKinds.Of(rate.Kind).PicksPrompts ? prompt : key;
            if (DeterministicRandom.For(options.Seed, model, scope, FaultKinds.Label(rate.Kind, site)).NextDouble() < rate.Rate)
                return rate.Kind;
        }
        if (history.LastWasFault)
        {
            history.LastWasFault = false;
            return FaultKind.None;
        }
        double u = random.NextDouble(), edge = 0;
        var fault = FaultKind.None;
        // Bands in the table's order, so a configuration draws the same faults whatever order it was written in.
        foreach (var info in FaultKinds.All.Where(i => i.Transient))
        {
            edge += rates.Where(r => r.Kind == info.Kind).Sum(r => r.Rate);
            if (u < edge)
            {
                fault = info.Kind;
                break;
            }
        }
        history.LastWasFault = fault != FaultKind.None;
        return fault;
    }

    private sealed class CallHistory
    {
        public int Calls;
        public bool LastWasFault;
    }
}
