namespace ImageBench.Scoring.Text;

/// <summary>One engine's own best reading of an expected string (over that engine's passes).</summary>
/// <param name="Cer">Normalised CER of that reading (see <see cref="StringMatch.Cer"/>).</param>
/// <param name="Confidence">Mean word confidence (0–100) of that reading.</param>
public sealed record EngineReading(string Engine, string Best, double Cer, bool Exact, double Confidence)
{
    /// <summary>
    /// Engines disagree about a string when, among the engines that read it at all (CER ≤ 0.5), one read it
    /// exactly and another, with confidence, did not. Either the drawn text is ambiguous or one engine misreads it:
    /// the verdict should not be trusted without a look.
    /// </summary>
    public static bool Disagree(IReadOnlyList<EngineReading> readings, double readingCer, double confidentAt)
    {
        var reading = readings.Where(r => r.Cer <= readingCer).ToList();
        return reading.Any(r => r.Exact) && reading.Any(r => !r.Exact && r.Confidence >= confidentAt);
    }
}
