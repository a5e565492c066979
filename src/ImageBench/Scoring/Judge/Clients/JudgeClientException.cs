namespace ImageBench.Scoring.Judge.Clients;

/// <summary>
/// A judge call that failed: HTTP error, blocked or empty answer, or a body that is not the API's shape. The message
/// is the provider's own words with the key scrubbed out; <see cref="IsTransient"/> and <see cref="RetryAfter"/>
/// let the scorer decide whether to try again (the clients never retry by themselves).
/// </summary>
public sealed class JudgeClientException : Exception
{
    public JudgeClientException(string message, int? statusCode = null, bool isTransient = false, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    public JudgeClientException() : this("the judge call failed") { }

    public JudgeClientException(string message) : this(message, statusCode: null) { }

    public JudgeClientException(string message, Exception inner) : this(message, null, false, null, inner) { }

    /// <summary>The HTTP status, or null when the failure was in a 200 answer.</summary>
    public int? StatusCode { get; }

    /// <summary>408, 429 and 5xx: worth another try later.</summary>
    public bool IsTransient { get; }

    /// <summary>The wait the server asked for (Retry-After or retry-after-ms), when it did.</summary>
    public TimeSpan? RetryAfter { get; }

    internal static bool TransientStatus(int status) => status is 408 or 429 || status >= 500;
}
