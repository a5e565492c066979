using System.Text.Json.Nodes;

namespace ImageBench.Attempts;

/// <summary>
/// One call for one image: the unit ImageBench measures, stores and reports. Times are in milliseconds on the
/// monotonic clock; <see cref="StartedAt"/> is wall-clock time for people.
/// </summary>
public sealed record Attempt
{
    public required string RunId { get; init; }
    public required string Model { get; init; }
    public required string PromptId { get; init; }
    /// <summary>0-based repeat index of this (model, prompt) pair.</summary>
    public required int Repeat { get; init; }
    public required AttemptOutcome Outcome { get; init; }
    /// <summary>The provider's own words for a refusal or error, or ours for a timeout / invalid response.</summary>
    public string? Reason { get; init; }
    public int? HttpStatus { get; init; }
    /// <summary>The provider's request or job id (x-request-id, BFL id, …).</summary>
    public string? ProviderRequestId { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    /// <summary>From the first byte sent to the last image byte stored, retries and waits included.</summary>
    public double LatencyMs { get; init; }
    /// <summary>Time spent in failed tries and backoff waits (already inside <see cref="LatencyMs"/>).</summary>
    public double RetryOverheadMs { get; init; }
    public IReadOnlyList<PhaseTiming> Phases { get; init; } = [];
    /// <summary>The server's own figure, kept beside ours, never in its place.</summary>
    public double? ServerMs { get; init; }
    /// <summary>Which header or field <see cref="ServerMs"/> came from (openai-processing-ms, result.duration, …).</summary>
    public string? ServerMsSource { get; init; }
    public IReadOnlyList<RetryRecord> Retries { get; init; } = [];
    public TokenUsage? Usage { get; init; }
    public decimal? CostUsd { get; init; }
    /// <summary>One of <see cref="CostSources"/>.</summary>
    public string CostSource { get; init; } = CostSources.None;
    public ImageFacts? Image { get; init; }
    /// <summary>Path of the stored image relative to the run directory.</summary>
    public string? ImagePath { get; init; }
    /// <summary>The request body as sent, with no credential in it.</summary>
    public JsonObject? Request { get; init; }
    /// <summary>The prompt the provider says it actually used (dall-e-3 revised_prompt, BFL upsampled prompt).</summary>
    public string? RevisedPrompt { get; init; }
    /// <summary>Calls lost to a crash before this attempt completed (possibly paid for, result unknown).</summary>
    public int InterruptedCalls { get; init; }
    /// <summary>The time scale ImageBench's emulator announced (x-imagebench-emulator) when it answered; null for a real provider.</summary>
    public double? EmulatorTimeScale { get; init; }
}
