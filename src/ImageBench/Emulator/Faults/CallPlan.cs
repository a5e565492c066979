namespace ImageBench.Emulator.Faults;

/// <summary>Everything the emulator decided up front about one call.</summary>
/// <param name="CallIndex">0 for the first call with this model and prompt, 1 for the next, ...</param>
/// <param name="ScaledLatency">Emulated generation time after <see cref="EmulatorOptions.TimeScale"/>.</param>
internal sealed record CallPlan(int CallIndex, TimeSpan ScaledLatency, FaultKind Fault, bool Refused, ulong Seed);
