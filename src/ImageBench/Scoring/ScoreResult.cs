using System.Text.Json.Nodes;

namespace ImageBench.Scoring;

/// <summary>
/// What one scorer concluded about one image. Metrics are numbers a report can aggregate; Details explain them
/// (typo diffs, grid period, judge answers). A scorer that could not run says why in <see cref="Error"/> —
/// never by throwing.
/// </summary>
/// <param name="Scorer">The scorer's name ("text", "pixel-art", "sharpness", …).</param>
/// <param name="Version">Bumped when the scorer's output changes; part of the cache key.</param>
/// <param name="Passed">True/false when the scorer checks an expectation; null for pure measurements.</param>
public sealed record ScoreResult(string Scorer, string Version, IReadOnlyDictionary<string, double> Metrics, JsonObject Details, bool? Passed, string? Error = null)
{
    /// <summary>Details key set when a check has no automatic verdict because it is uncertain (Passed is null).</summary>
    public const string NeedsALookKey = "needs_a_look";

    /// <summary>The check ran but its verdict is uncertain: not a failure, left out of pass rates, for a person to decide.</summary>
    public bool NeedsALook => Error is null && Passed is null && Details[NeedsALookKey] is JsonValue v && v.TryGetValue<bool>(out var yes) && yes;

    public static ScoreResult Failed(string scorer, string version, string error) =>
        new(scorer, version, new Dictionary<string, double>(), [], null, error);
}
