namespace ImageBench.Emulator.Faults;

/// <summary>Everything the emulator decided up front about one call.</summary>
/// <param name="CallIndex">0 for the first call with this model and prompt, 1 for the next, ...</param>
/// <param name="ScaledLatency">Emulated generation time after <see cref="EmulatorOptions.TimeScale"/>.</param>
internal sealed record CallPlan(string Model, int CallIndex, TimeSpan ScaledLatency, FaultKind Fault, bool Refused, ulong Seed)
{
    /// <summary>This call's fault, where the stats need it.</summary>
    public PlannedFault Planned => new(Fault, FaultSite.Create, Model);
}

/// <summary>A fault (or <see cref="FaultKind.None"/>) about to be injected at a site, for a model's counters.</summary>
internal readonly record struct PlannedFault(FaultKind Kind, FaultSite Site, string Model)
{
    public static PlannedFault None(FaultSite site, string model) => new(FaultKind.None, site, model);
}
