using System.Globalization;
using ImageBench.Configuration;

namespace ImageBench.Emulator.Faults;

/// <summary>Turns parsed <c>--fault</c> specs into the emulator's per-model profiles.</summary>
public static class FaultSpecs
{
    /// <summary>
    /// Adds the specs to every profile (specs without a model) or to their model's (names as the emulator sees them:
    /// upstream names). A model's own spec replaces an all-models one of the same kind and site. Transient rates at
    /// one site may add up to at most 1.
    /// </summary>
    public static EmulatorOptions Apply(EmulatorOptions options, IReadOnlyList<FaultSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(specs);
        if (specs.Count == 0) return options;
        var everyone = specs.Where(s => s.Model is null).ToList();
        var profiles = options.Profiles.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var model in specs.Select(s => s.Model).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
            profiles.TryAdd(model, options.DefaultProfile);
        var result = new Dictionary<string, ModelProfile>(StringComparer.OrdinalIgnoreCase);
        foreach (var (model, profile) in profiles)
        {
            var own = specs.Where(s => string.Equals(s.Model, model, StringComparison.OrdinalIgnoreCase)).ToList();
            var mine = everyone.Where(e => !own.Any(o => o.Kind == e.Kind && o.Site == e.Site)).Concat(own);
            result[model] = With(profile, mine, model);
        }
        // run --emulator's uncounted warm-up call must not be failed on purpose.
        result.TryAdd(EmulatorWarmup.Model, options.DefaultProfile);
        return options with { Profiles = result, DefaultProfile = With(options.DefaultProfile, everyone, "any other model") };
    }

    /// <summary>"429@create=0.3, reset@poll=0.1" for one profile, or null when it injects nothing.</summary>
    public static string? Describe(ModelProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var rates = profile.Failures.Rates().Where(r => r.Rate > 0).ToList();
        return rates.Count == 0 ? null : string.Join(", ", rates.Select(r => string.Create(CultureInfo.InvariantCulture, $"{FaultKinds.Label(r.Kind, r.Site)}={r.Rate}")));
    }

    private static ModelProfile With(ModelProfile profile, IEnumerable<FaultSpec> specs, string who)
    {
        var failures = profile.Failures with { Faults = [.. profile.Failures.Faults, .. specs.Select(s => new FaultRate(s.Kind, s.Site, s.Rate))] };
        foreach (var site in Enum.GetValues<FaultSite>())
        {
            var sum = failures.Rates().Where(r => r.Site == site && FaultKinds.Of(r.Kind).Transient).Sum(r => r.Rate);
            if (sum > 1 + 1e-9)
                throw new InputException(string.Create(CultureInfo.InvariantCulture,
                    $"--fault: the rates at {FaultKinds.SiteName(site)} for {who} add up to {sum:0.###}; one call suffers at most one fault, so they may add up to at most 1"));
        }
        return profile with { Failures = failures };
    }
}
