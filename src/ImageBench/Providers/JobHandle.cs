namespace ImageBench.Providers;

/// <summary>
/// What an asynchronous API returned when it accepted a job: enough to find the job again after a crash
/// without submitting (and paying for) it twice. Stored before the first poll.
/// </summary>
/// <param name="JobId">The provider's job id (BFL id, fal request_id, …).</param>
/// <param name="PollUrl">The URL to poll, exactly as returned (BFL polling_url is on a regional host).</param>
/// <param name="ResultUrl">Where the result is fetched, when separate from the poll URL (fal response_url).</param>
public sealed record JobHandle(string JobId, string? PollUrl = null, string? ResultUrl = null);
