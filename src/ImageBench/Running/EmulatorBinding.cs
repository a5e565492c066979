namespace ImageBench.Running;

/// <summary>When a run talks to the built-in emulator: where it listens and how its time is scaled.</summary>
public sealed record EmulatorBinding(Uri BaseUrl, double TimeScale);
