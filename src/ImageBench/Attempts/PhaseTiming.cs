namespace ImageBench.Attempts;

/// <summary>One phase of an attempt: when it began (ms after the attempt's first byte was sent) and how long it took.</summary>
public sealed record PhaseTiming(string Name, double StartMs, double DurationMs);
