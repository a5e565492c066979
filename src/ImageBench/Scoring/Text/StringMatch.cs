using ImageBench.Scoring.Ocr;

namespace ImageBench.Scoring.Text;

/// <summary>How one expected string was found in the image: its best candidate across every pass and engine.</summary>
/// <param name="Best">The best candidate as read (raw), or null when nothing was read at all.</param>
/// <param name="Cer">Character error rate of the best candidate (normalised; the smaller of with and without spaces).</param>
/// <param name="Score">1 − min(1, CER).</param>
/// <param name="Confidence">Mean word confidence (0–100) of the best candidate.</param>
/// <param name="Agreement">Share of the passes that read this string at all (CER ≤ 0.5) whose own best reading equals the best.</param>
/// <param name="Uncertain">True when the verdict should not be trusted: confidence &lt; 60, passes disagree (no strict majority of the passes that read the string read the best text), engines disagree (<see cref="EnginesDisagree"/>), or every difference is between glyphs fonts draw alike (<see cref="GlyphConfusion"/>: l/I/1, O/0).</param>
public sealed record StringMatch(
    string Expected,
    string? Best,
    string? Engine,
    string? Pass,
    OcrBox? Box,
    double Cer,
    double Score,
    bool Exact,
    IReadOnlyList<Typo> Typos,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Inserted,
    int WordsExpected,
    int WordsFound,
    double Confidence,
    double Agreement,
    bool Uncertain,
    bool CaseDiffers,
    bool PunctuationDiffers,
    bool SpacingDiffers)
{
    /// <summary>One engine read the string exactly and another, with confidence, did not (also sets <see cref="Uncertain"/>).</summary>
    public bool EnginesDisagree { get; init; }

    /// <summary>Each engine's own best reading; empty when nothing was read.</summary>
    public IReadOnlyList<EngineReading> Engines { get; init; } = [];
}
