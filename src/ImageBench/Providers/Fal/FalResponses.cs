namespace ImageBench.Providers.Fal;

/// <summary>The queue status names fal documents for GET …/requests/{id}/status.</summary>
public static class FalStatus
{
    public const string InQueue = "IN_QUEUE";
    public const string InProgress = "IN_PROGRESS";
    public const string Completed = "COMPLETED";
}

/// <summary>The submit answer: the request id and the URLs to use (always the returned ones, never rebuilt).</summary>
public sealed record FalSubmission(string RequestId, Uri? StatusUrl, Uri? ResponseUrl);

/// <summary>One status answer, reduced to what the adapter acts on.</summary>
/// <param name="Error">An error string on a COMPLETED status (the request failed), when present.</param>
/// <param name="ErrorType">Its machine-readable type (content_policy_violation, …), when present.</param>
public sealed record FalQueueStatus(string Status, int? QueuePosition, Uri? ResponseUrl, string? Error, string? ErrorType);

/// <summary>
/// A FLUX-style result payload. <see cref="Seed"/> is kept as its raw JSON text: fal seeds exceed 2^63
/// (17454220438242315174 in the recorded webhook), so reading it as Int64 would crash on real answers.
/// </summary>
public sealed record FalResult(
    string? ImageUrl,
    string? ContentType,
    int? Width,
    int? Height,
    double? InferenceSeconds,
    bool NsfwFlagged,
    string? Seed,
    string? Prompt)
{
    /// <summary>images[1..]: more images than the one asked for (num_images 1), kept with the call.</summary>
    public IReadOnlyList<Http.ExtraImageSource> Extras { get; init; } = [];
}
