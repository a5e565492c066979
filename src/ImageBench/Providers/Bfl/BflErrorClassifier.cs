using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Bfl;

/// <summary>
/// Maps BFL's answers to outcomes: HTTP errors on submit or poll, and the terminal job statuses. Moderation
/// is a refusal, with the stage it happened at (Request = the prompt going in, Content = the image coming out).
/// </summary>
public static class BflErrorClassifier
{
    public static (AttemptOutcome Outcome, string Reason) ClassifyHttp(int status, string body, ApiKey? secret = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var words = ProviderWords.From(body, secret);
        var reason = status switch
        {
            402 => $"HTTP 402 insufficient credits: {words}",
            422 => $"HTTP 422 validation error: {words}",
            _ => $"HTTP {status}: {words}",
        };
        return (AttemptOutcome.ProviderError, reason);
    }

    /// <summary>The outcome for a terminal job status, or null when polling should go on.</summary>
    public static (AttemptOutcome Outcome, string Reason)? ClassifyStatus(BflPoll poll)
    {
        ArgumentNullException.ThrowIfNull(poll);
        return poll.Status switch
        {
            BflStatus.RequestModerated => (AttemptOutcome.Refused, Moderated(poll, "input")),
            BflStatus.ContentModerated => (AttemptOutcome.Refused, Moderated(poll, "output")),
            BflStatus.Error => (AttemptOutcome.ProviderError,
                poll.Details is { } d ? $"job status Error: {ProviderWords.Truncate(d)}" : "job status Error (no details)"),
            BflStatus.TaskNotFound => (AttemptOutcome.ProviderError, "Task not found"),
            _ => null,
        };
    }

    private static string Moderated(BflPoll poll, string stage)
    {
        var reason = $"{poll.Status} (moderation_stage: {stage})";
        if (poll.ModerationReasons.Count > 0)
            return $"{reason}; Moderation Reasons: {string.Join(", ", poll.ModerationReasons)}";
        return poll.Details is { } d ? $"{reason}; details: {ProviderWords.Truncate(d)}" : reason;
    }
}
