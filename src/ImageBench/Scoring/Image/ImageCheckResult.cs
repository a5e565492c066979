using System.Globalization;
using System.Text.Json.Nodes;
using ImageBench.Attempts;

namespace ImageBench.Scoring.Image;

/// <summary>
/// What <see cref="ImageCheck.Run"/> found: either a load failure, or one <see cref="ScoreResult"/> per scorer.
/// <see cref="ExitCode"/> is what a pipeline gates on: 0 every expectation held, 1 one did not, 2 bad input.
/// </summary>
public sealed record ImageCheckResult(string? LoadError, ImageFacts? Facts, IReadOnlyList<ScoreResult> Results, ulong? PerceptualHash, bool ExpectedPixelArt)
{
    public bool Failed => LoadError is not null;

    public ScoreResult? this[string scorer] => Results.FirstOrDefault(r => r.Scorer == scorer);

    /// <summary>No scorer failed an expectation, and pixel art, when asked for, was positively confirmed.</summary>
    public bool ExpectationsHeld =>
        !Failed && Results.All(r => r.Passed != false) && (!ExpectedPixelArt || this["pixel-art"]?.Passed == true);

    public int ExitCode => Failed ? 2 : ExpectationsHeld ? 0 : 1;

    public IReadOnlyList<string> Lines => Failed ? [$"cannot check image: {LoadError}"] : [.. DescribeAll()];

    /// <summary>One verdict per scorer (empty when <see cref="Failed"/>): what a CLI prints line by line.</summary>
    public IReadOnlyList<ImageVerdict> Verdicts =>
    [
        .. Results.Select(r => new ImageVerdict(r.Scorer, r.Passed,
            r.Error is null ? Describe(r, CultureInfo.InvariantCulture) : $"error: {r.Error}", MetricsAndDetails(r))),
    ];

    private static JsonObject MetricsAndDetails(ScoreResult r)
    {
        var json = (JsonObject)r.Details.DeepClone();
        foreach (var (name, value) in r.Metrics)
            json[name] = value;
        return json;
    }

    public JsonObject ToJson()
    {
        var scorers = new JsonObject();
        foreach (var r in Results)
        {
            var metrics = new JsonObject();
            foreach (var (name, value) in r.Metrics)
                metrics[name] = value;
            scorers[r.Scorer] = new JsonObject
            {
                ["version"] = r.Version,
                ["passed"] = r.Passed,
                ["metrics"] = metrics,
                ["details"] = r.Details.DeepClone(),
                ["error"] = r.Error,
            };
        }
        return new JsonObject
        {
            ["ok"] = !Failed,
            ["error"] = LoadError,
            ["format"] = Facts?.Format,
            ["width"] = Facts?.Width,
            ["height"] = Facts?.Height,
            ["sha256"] = Facts?.Sha256,
            ["phash"] = PerceptualHash?.ToString("x16", CultureInfo.InvariantCulture),
            ["expectations_held"] = !Failed && ExpectationsHeld,
            ["exit_code"] = ExitCode,
            ["scorers"] = scorers,
        };
    }

    private IEnumerable<string> DescribeAll()
    {
        var c = CultureInfo.InvariantCulture;
        if (Facts is { } f)
            yield return string.Create(c, $"image: {f.Format} {f.Width}x{f.Height}, {f.Bytes} bytes");
        foreach (var r in Results)
        {
            if (r.Error is not null)
            {
                yield return $"{r.Scorer}: error: {r.Error}";
                continue;
            }
            string? verdict = r.Passed switch { true => "PASS ", false => "FAIL ", null => "" };
            yield return $"{r.Scorer}: {verdict}{Describe(r, c)}";
        }
    }

    /// <summary>One readable line for a weight-free score (also used by the report's per-prompt checks).</summary>
    public static string Describe(ScoreResult r, CultureInfo c) => r.Scorer switch
    {
        "pixel-art" => string.Create(c, $"{r.Details["verdict"]} ({r.Details["reason"]})"),
        "sharpness" => string.Create(c, $"Laplacian variance {r.Metrics["laplacian_variance"]:0.0} at {r.Details["resized_to"]}"),
        "noise" => string.Create(c, $"noise sigma {r.Metrics["noise_sigma"]:0.00} grey levels"),
        "colourfulness" => string.Create(c, $"{r.Metrics["colourfulness"]:0.0} ({r.Details["band"]})"),
        "light-direction" => string.Create(c, $"{r.Details["verdict"]} (tilt {r.Metrics["tilt_degrees"]:0}°, confidence {r.Metrics["confidence"]:0.00}; advisory)"),
        _ => string.Join(", ", r.Metrics.Select(m => string.Create(c, $"{m.Key} {m.Value:0.###}"))),
    };
}

/// <summary>One scorer's verdict on one image: <paramref name="Passed"/> is null for a measurement.</summary>
/// <param name="Details">The scorer's details with its metrics merged in.</param>
public sealed record ImageVerdict(string Scorer, bool? Passed, string Summary, JsonObject Details);
