namespace ImageBench.Providers.Replicate;

/// <summary>The prediction statuses Replicate documents (aborted: deadline hit before it started, 2025-10).</summary>
public static class ReplicateStatus
{
    public const string Starting = "starting";
    public const string Processing = "processing";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Canceled = "canceled";
    public const string Aborted = "aborted";
}

/// <summary>A prediction object, reduced to what the adapter acts on.</summary>
/// <param name="Output">The first output: an http(s) URL or a data: URL (sync mode), as text.</param>
/// <param name="Error">The error as text (a string, or an object's raw JSON), when present.</param>
/// <param name="GetUrl">urls.get: where to poll.</param>
/// <param name="Problem">Why this prediction cannot give an image although it exists (no status, an output that is
/// not an image URL); judged after its id is stored.</param>
public sealed record ReplicatePrediction(
    string Id,
    string Status,
    string? Output,
    string? Error,
    double? PredictSeconds,
    Uri? GetUrl,
    string? Problem = null)
{
    /// <summary>Outputs after the first (a list output with more than one image), as text.</summary>
    public IReadOnlyList<string> ExtraOutputs { get; init; } = [];

    /// <summary>
    /// The seed the model used, as text: its "Using seed: N" log line (SDXL, FLUX … print it; the recorded
    /// predictions show it), else the input's echoed seed; null when neither says.
    /// </summary>
    public string? Seed { get; init; }
}
