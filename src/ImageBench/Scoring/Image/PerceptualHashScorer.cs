using System.Globalization;
using System.Text.Json.Nodes;
using ImageBench.Suites;

namespace ImageBench.Scoring.Image;

/// <summary>
/// Each image's 64-bit perceptual hash (Details["phash"], hex), kept so a run's repeats of one prompt can be
/// compared for seed diversity (<see cref="SeedDiversity"/>). A measurement of one image that means nothing alone,
/// so the per-image check lines leave it out and the report shows the diversity instead.
/// </summary>
public sealed class PerceptualHashScorer : IImageScorer
{
    public const string ScorerName = "phash";

    public string Name => ScorerName;
    public string Version => "1";

    public bool AppliesTo(Expectations expect) => true;

    public ScoreResult Score(ScoringImage image, Expectations expect, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var hash = PerceptualHash.Of(image);
        return new ScoreResult(Name, Version, new Dictionary<string, double>(),
            new JsonObject { ["phash"] = hash.ToString("x16", CultureInfo.InvariantCulture) }, null);
    }

    /// <summary>The hash a result carries, or null (another scorer, an error, or a malformed value).</summary>
    public static ulong? HashOf(ScoreResult result) =>
        result is { Scorer: ScorerName, Error: null } && result.Details["phash"]?.ToString() is { } hex
        && ulong.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hash) ? hash : null;
}
