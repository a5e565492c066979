namespace ImageBench.Attempts;

/// <summary>How one attempt ended. Every outcome is counted in reports; none is dropped.</summary>
public enum AttemptOutcome
{
    /// <summary>An image came back and was stored.</summary>
    Ok,
    /// <summary>The provider refused on moderation grounds (input or output); <c>Reason</c> holds its words.</summary>
    Refused,
    /// <summary>The provider answered with an error (4xx/5xx, job status Error, …) after any retries.</summary>
    ProviderError,
    /// <summary>The per-attempt deadline passed before an image was stored.</summary>
    Timeout,
    /// <summary>The provider answered 2xx but the body or the image could not be understood (garbage, truncated, absurd size).</summary>
    InvalidResponse,
    /// <summary>The run was cancelled (Ctrl-C) while the attempt was in flight; resume retries it.</summary>
    Cancelled,
}

public static class AttemptOutcomeNames
{
    public static string ToWire(this AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.Ok => "ok",
        AttemptOutcome.Refused => "refused",
        AttemptOutcome.ProviderError => "provider_error",
        AttemptOutcome.Timeout => "timeout",
        AttemptOutcome.InvalidResponse => "invalid_response",
        AttemptOutcome.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    public static AttemptOutcome FromWire(string value) => value switch
    {
        "ok" => AttemptOutcome.Ok,
        "refused" => AttemptOutcome.Refused,
        "provider_error" => AttemptOutcome.ProviderError,
        "timeout" => AttemptOutcome.Timeout,
        "invalid_response" => AttemptOutcome.InvalidResponse,
        "cancelled" => AttemptOutcome.Cancelled,
        _ => throw new FormatException($"unknown outcome '{value}'"),
    };
}
