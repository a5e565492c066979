using System.Text.Json.Nodes;
using ImageBench.Attempts;

namespace ImageBench.Providers;

/// <summary>
/// What a provider adapter hands back to the runner: an outcome, the image bytes when there are some, and
/// every figure the API reported about itself. The runner measures time, reads image facts and prices it.
/// </summary>
public sealed record GenerationResult
{
    public required AttemptOutcome Outcome { get; init; }
    public string? Reason { get; init; }
    public int? HttpStatus { get; init; }
    public string? ProviderRequestId { get; init; }
    public byte[]? ImageBytes { get; init; }
    /// <summary>The content type the provider claimed (kept for comparison with the real format).</summary>
    public string? DeclaredContentType { get; init; }
    public double? ServerMs { get; init; }
    public string? ServerMsSource { get; init; }
    public TokenUsage? Usage { get; init; }
    /// <summary>Money the API says it charged, in USD, when it says so.</summary>
    public decimal? ReportedCostUsd { get; init; }
    public string? RevisedPrompt { get; init; }
    /// <summary>The seed the provider says it used, as text (fal seeds exceed 2^63); null when it reports none.</summary>
    public string? Seed { get; init; }
    /// <summary>
    /// Images the same call returned beyond <see cref="ImageBytes"/>, in the answer's order. The call's usage and
    /// reported money cover all of them; the runner stores each and splits the cost.
    /// </summary>
    public IReadOnlyList<ReturnedImage> ExtraImages { get; init; } = [];
    /// <summary>The request body as sent, with no credential in it.</summary>
    public JsonObject? Request { get; init; }

    /// <summary>
    /// Sends of the call that creates paid work whose answer never arrived (a reset or timeout after the request may
    /// have reached the provider), retried ones included: each may have been billed. Counted like interrupted calls.
    /// </summary>
    public int UnansweredPaidCalls { get; init; }

    /// <summary>
    /// The provider answered 2xx — so the image was generated and billed — but the answer or the image bytes were
    /// cut short or lost on the way, or the result URL it gave could not be fetched (expired, gone, refused,
    /// broken). Priced from the catalog although no image was stored.
    /// </summary>
    public bool ImageLostAfterBilling { get; init; }

    public static GenerationResult Failed(AttemptOutcome outcome, string reason, int? httpStatus = null, JsonObject? request = null) =>
        new() { Outcome = outcome, Reason = reason, HttpStatus = httpStatus, Request = request };

    /// <summary>A 2xx answer to the generating call whose body could not be read (cut short, or over the cap): billed, image lost.</summary>
    public static GenerationResult AnswerLost(string reason, int httpStatus, JsonObject? request = null) =>
        Failed(AttemptOutcome.InvalidResponse, reason, httpStatus, request) with { ImageLostAfterBilling = true };
}
