namespace ImageBench.Attempts;

/// <summary>Token usage by modality as the API reported it. Null fields were not reported (never guessed).</summary>
public sealed record TokenUsage(
    long? InputTextTokens = null,
    long? InputImageTokens = null,
    long? OutputImageTokens = null,
    long? OutputTextTokens = null,
    long? InputTokens = null,
    long? OutputTokens = null,
    long? TotalTokens = null);
