namespace ImageBench.Emulator.Faults;

internal enum FaultKind
{
    None,
    RateLimit,
    ServerError,
    Unavailable,
    SlowBody,
    TruncatedBody,
    GarbageBody,
}
