using System.Net;
using ImageBench.Attempts;
using ImageBench.Images;
using ImageBench.Providers;
using ImageBench.Storage;

namespace ImageBench.Running;

/// <summary>
/// Runs one slot to one stored attempt: marks it in the store before anything is paid for, calls the
/// provider under a deadline, reads the image's real facts, stores the bytes, prices it and saves the attempt.
/// Nothing a provider sends back can crash it: every failure becomes an attempt with an outcome.
/// </summary>
internal sealed class AttemptExecutor(IRunStore store, ImageFileStore images, TimeProvider time, TimeSpan timeout)
{
    /// <returns>The stored attempt, or null when the run was cancelled mid-call (the slot stays resumable).</returns>
    public async Task<Attempt?> RunAsync(string runId, PlannedSlot slot, IImageProvider provider, ApiKey? key, SlotState? prior, CancellationToken runCt)
    {
        var request = new GenerationRequest(slot.Model, slot.Prompt.Text, slot.Model.DefaultWidth, slot.Model.DefaultHeight, key);
        var resumeJob = prior is { Phase: SlotPhase.Submitted, Job: { } job } ? job : null;
        var interrupted = (prior?.InterruptedCalls ?? 0) + (prior?.Phase == SlotPhase.Sent ? 1 : 0);
        if (resumeJob is null && !provider.IsAsynchronous)
            await store.MarkSentAsync(slot.Key, runCt).ConfigureAwait(false);

        // The clock starts after the store write above: the attempt's latency is the provider's, not our disk's.
        var recorder = new AttemptRecorder(time, (j, ct) => new ValueTask(store.SaveJobAsync(slot.Key, j, ct)));
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(runCt, deadline.Token);
        GenerationResult result;
        try
        {
            result = resumeJob is not null
                ? await provider.ResumeAsync(request, resumeJob, recorder, linked.Token).ConfigureAwait(false)
                : await provider.GenerateAsync(request, recorder, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (runCt.IsCancellationRequested)
        {
            return null;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            result = GenerationResult.Failed(AttemptOutcome.Timeout, $"no image within the {timeout.TotalSeconds:0.#} s attempt timeout (in phase {recorder.CurrentPhase ?? "start"})");
        }
        catch (HttpRequestException ex)
        {
            result = GenerationResult.Failed(AttemptOutcome.ProviderError, "network error: " + ex.Message, ex.StatusCode is { } s ? (int)s : null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // An adapter bug or an unexpected body must cost one attempt, not the run.
            result = GenerationResult.Failed(AttemptOutcome.InvalidResponse, $"{ex.GetType().Name}: {ex.Message}");
        }

        var (outcome, reason, facts, path) = await StoreImageAsync(result).ConfigureAwait(false);
        var (phases, latency) = recorder.Stop();
        // The image is in the file system when the clock stops; the fsync is ours, not the provider's, so it is
        // done outside the window but before the attempt that points at the file is committed.
        if (path is not null) images.FlushToDisk(path);
        if (outcome == AttemptOutcome.Ok && facts is not null && ImageCompleteness.Check(result.ImageBytes, facts.Format) is { } cutShort)
            (outcome, reason) = (AttemptOutcome.InvalidResponse, cutShort);

        var (cost, costSource) = CostCalculator.Price(slot.Model, result with { Outcome = outcome }, facts);
        var attempt = new Attempt
        {
            RunId = runId,
            Model = slot.Model.Id,
            PromptId = slot.Prompt.Id,
            Repeat = slot.Repeat,
            Outcome = outcome,
            Reason = Redact(reason, key),
            HttpStatus = result.HttpStatus,
            ProviderRequestId = result.ProviderRequestId ?? recorder.SubmittedJob?.JobId ?? resumeJob?.JobId,
            StartedAt = recorder.StartedAt,
            LatencyMs = latency,
            RetryOverheadMs = recorder.RetryOverheadMs,
            Phases = phases,
            ServerMs = result.ServerMs,
            ServerMsSource = result.ServerMsSource,
            Retries = recorder.Retries.ToArray(),
            Usage = result.Usage,
            CostUsd = cost,
            CostSource = costSource,
            Image = facts,
            ImagePath = path,
            Request = result.Request,
            RevisedPrompt = result.RevisedPrompt,
            InterruptedCalls = interrupted,
            EmulatorTimeScale = recorder.EmulatorTimeScale,
        };
        // Saved even if the run is being cancelled right now: this image is paid for.
        await store.SaveAttemptAsync(attempt, CancellationToken.None).ConfigureAwait(false);
        return attempt;
    }

    /// <summary>Some APIs echo the key they rejected; it must not reach the store through the provider's words.</summary>
    private static string? Redact(string? text, ApiKey? key) =>
        text is null || key is null ? text : text.Replace(key.Reveal(), "[redacted]", StringComparison.Ordinal);

    private async Task<(AttemptOutcome, string?, ImageFacts?, string?)> StoreImageAsync(GenerationResult result)
    {
        if (result.Outcome != AttemptOutcome.Ok)
            return (result.Outcome, result.Reason, null, null);
        if (result.ImageBytes is not { Length: > 0 } bytes)
            return (AttemptOutcome.InvalidResponse, "the response held no image", null, null);
        var inspection = ImageInspector.Inspect(bytes);
        if (inspection.Facts is not { } facts)
            return (AttemptOutcome.InvalidResponse, inspection.Error, null, null);
        var path = await images.SaveAsync(bytes, facts, CancellationToken.None, durable: false).ConfigureAwait(false);
        return (AttemptOutcome.Ok, result.Reason, facts, path);
    }
}
