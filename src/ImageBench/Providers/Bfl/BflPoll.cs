namespace ImageBench.Providers.Bfl;

/// <summary>The job status names BFL documents for GET get_result.</summary>
public static class BflStatus
{
    public const string TaskNotFound = "Task not found";
    public const string Pending = "Pending";
    public const string RequestModerated = "Request Moderated";
    public const string ContentModerated = "Content Moderated";
    public const string Ready = "Ready";
    public const string Error = "Error";
    /// <summary>Seen only in third-party code [UNVERIFIED]; treated as the model working.</summary>
    public const string Generating = "Generating";
    /// <summary>Seen only in third-party code [UNVERIFIED]; treated as the model working.</summary>
    public const string Reasoning = "Reasoning";
}

/// <summary>One get_result answer, reduced to what the adapter acts on.</summary>
/// <param name="Details">The details object as raw JSON text, when present.</param>
/// <param name="ModerationReasons">details["Moderation Reasons"], when present.</param>
public sealed record BflPoll(
    string Status,
    double? Progress,
    Uri? Sample,
    string? Prompt,
    double? DurationSeconds,
    string? Details,
    IReadOnlyList<string> ModerationReasons)
{
    /// <summary>result.seed as text (BFL's look like milliseconds, 1752479754028); null when absent.</summary>
    public string? Seed { get; init; }
}

/// <summary>The submit answer: the job id and where to poll it.</summary>
public sealed record BflSubmission(string Id, string? PollingUrl);
