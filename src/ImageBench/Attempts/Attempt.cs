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
    /// <summary>The whole call's money, every image it returned included: what budgets and totals add up, once.</summary>
    public decimal? CostUsd { get; init; }
    /// <summary>One of <see cref="CostSources"/>.</summary>
    public string CostSource { get; init; } = CostSources.None;
    /// <summary><see cref="CostUsd"/> ÷ <see cref="ImagesReturned"/>; null without a cost or without an image.</summary>
    public decimal? CostPerImageUsd { get; init; }
    public ImageFacts? Image { get; init; }
    /// <summary>Path of the stored image relative to the run directory.</summary>
    public string? ImagePath { get; init; }
    /// <summary>
    /// How many images the call returned (ImageBench asks for one): 1 normally, more when the provider sent extra
    /// ones (listed in <see cref="ExtraImages"/>), 0 when the attempt has no image.
    /// </summary>
    public int ImagesReturned { get; init; }
    /// <summary>The images beyond the first, in the answer's order; empty normally.</summary>
    public IReadOnlyList<ExtraImage> ExtraImages { get; init; } = [];
    /// <summary>The seed the provider says it used, as text (fal seeds exceed 2^63), so the image can be re-rolled.</summary>
    public string? Seed { get; init; }
    /// <summary>The request body as sent, with no credential in it.</summary>
    public JsonObject? Request { get; init; }
    /// <summary>The prompt the provider says it actually used (dall-e-3 revised_prompt, BFL upsampled prompt).</summary>
    public string? RevisedPrompt { get; init; }
    /// <summary>Calls lost to a crash before this attempt completed (possibly paid for, result unknown).</summary>
    public int InterruptedCalls { get; init; }
    /// <summary>The time scale ImageBench's emulator announced (x-imagebench-emulator) when it answered; null for a real provider.</summary>
    public double? EmulatorTimeScale { get; init; }
}
