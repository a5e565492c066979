using System.Collections.Concurrent;
using ImageBench.Emulator.Randomness;

namespace ImageBench.Emulator.Faults;

/// <summary>
/// Decides latency and faults for each call from (seed, model, prompt, call index), so runs are reproducible
/// and a retry of a failed call is a new call index that is never failed again.
/// </summary>
internal sealed class CallPlanner(EmulatorOptions options)
{
    private readonly ConcurrentDictionary<(string Model, string Prompt), CallHistory> _history = new();

    public CallPlan Next(string model, string prompt)
    {
        var profile = options.ProfileFor(model);
        var history = _history.GetOrAdd((model, prompt), _ => new CallHistory());
        lock (history)
        {
            int index = history.Calls++;
            var random = DeterministicRandom.For(options.Seed, model, prompt, index);
            double latency = LatencySampler.SampleSeconds(profile.Latency, random) * options.TimeScale;
            var fault = history.LastWasFault ? FaultKind.None : DrawFault(profile.Failures, random.NextDouble());
            history.LastWasFault = fault != FaultKind.None;
            return new CallPlan(index, TimeSpan.FromSeconds(latency), fault, IsRefused(model, prompt, profile), random.NextUInt64());
        }
    }

    /// <summary>Moderation judges the prompt, not the attempt: the same prompt is refused every time.</summary>
    private bool IsRefused(string model, string prompt, ModelProfile profile) =>
        profile.Failures.RefusalRate > 0
        && DeterministicRandom.For(options.Seed, model, prompt, "refusal").NextDouble() < profile.Failures.RefusalRate;

    private static FaultKind DrawFault(FailureInjection f, double u)
    {
        (double Rate, FaultKind Kind)[] bands =
        [
            (f.RateLimitRate, FaultKind.RateLimit),
            (f.ServerErrorRate, FaultKind.ServerError),
            (f.UnavailableRate, FaultKind.Unavailable),
            (f.SlowBodyRate, FaultKind.SlowBody),
            (f.TruncatedBodyRate, FaultKind.TruncatedBody),
            (f.GarbageBodyRate, FaultKind.GarbageBody),
        ];
        double edge = 0;
        foreach (var (rate, kind) in bands)
        {
            edge += rate;
            if (u < edge)
            {
                return kind;
            }
        }
        return FaultKind.None;
    }

    private sealed class CallHistory
    {
        public int Calls;
        public bool LastWasFault;
    }
}
