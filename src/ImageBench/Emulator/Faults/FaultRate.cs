namespace ImageBench.Emulator.Faults;

/// <summary>The probability that one call at <paramref name="Site"/> suffers <paramref name="Kind"/>.</summary>
/// <remarks>
/// Transient kinds are drawn per call and never twice in a row for the same call (same model and prompt at create,
/// same job at poll, same URL at delivery), so a retry always gets through. <see cref="FaultKind.Persistent"/>,
/// <see cref="FaultKind.InvalidKey"/> and <see cref="FaultKind.NoCredit"/> are drawn once per (model, prompt, site)
/// and then answer every call; expired and gone URLs stay so for that URL.
/// </remarks>
public sealed record FaultRate(FaultKind Kind, FaultSite Site, double Rate);
