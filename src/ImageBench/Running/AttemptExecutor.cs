using System.Net;
using ImageBench.Attempts;
using ImageBench.Images;
using ImageBench.Providers;
using ImageBench.Storage;

namespace ImageBench.Running;

/// <summary>
/// Runs one claimed slot to one stored attempt: marks it sent in the ledger before the first byte of a create
/// call (every create can be billed before its answer arrives — a sync call, a submit, Replicate's held
/// <c>Prefer: wait</c> POST alike), calls the provider under a deadline, reads the image's real facts, stores
/// the bytes, prices it and saves the attempt. A job already submitted is polled by id, never created again.
/// Nothing a provider sends back can crash it: every failure becomes an attempt with an outcome.
/// </summary>
internal sealed class AttemptExecutor(IRunStore store, ImageFileStore images, TimeProvider time, TimeSpan timeout)
{
    /// <returns>
    /// The attempt and whether it became the slot's (false: the claim had been taken over, so it was kept as
    /// superseded); null when nothing was stored — the run was cancelled mid-call, or the claim was lost before
    /// sending. The slot stays resumable either way.
    /// </returns>
    public async Task<(Attempt Attempt, bool Recorded)?> RunAsync(string runId, PlannedSlot slot, IImageProvider provider, ApiKey? key, Claim claim, CancellationToken runCt)
    {
        var request = new GenerationRequest(slot.Model, slot.Prompt.Text, slot.Model.DefaultWidth, slot.Model.DefaultHeight, key);
        var resumeJob = claim is { Phase: SlotPhase.Submitted, Job: { } job } ? job : null;
        if (resumeJob is null)
        {
            try
            {
                await store.MarkSentAsync(claim, runCt).ConfigureAwait(false);
            }
            catch (LeaseLostException)
            {
                return null;
            }
            catch (OperationCanceledException) when (runCt.IsCancellationRequested)
            {
                return null; // Ctrl-C before the mark: nothing was sent
            }
        }

        // The clock starts after the store write above: the attempt's latency is the provider's, not our disk's.
        var recorder = new AttemptRecorder(time, (j, ct) => new ValueTask(store.SaveJobAsync(claim, j, ct)));
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
        // The provider handed over an image, so it charged for it even though the bytes were cut short.
        if (outcome == AttemptOutcome.Ok && facts is not null && ImageCompleteness.Check(result.ImageBytes, facts.Format) is { } cutShort)
            (outcome, reason, result) = (AttemptOutcome.InvalidResponse, cutShort, result with { ImageLostAfterBilling = true });

        // Extra images (more than the one asked for) are kept and priced with the call, never dropped.
        var extras = outcome == AttemptOutcome.Ok ? await ExtraImageStorage.StoreAsync(images, result.ExtraImages).ConfigureAwait(false) : [];
        var returned = outcome == AttemptOutcome.Ok ? 1 + extras.Count : 0;
        var (cost, costSource) = CostCalculator.Price(slot.Model, result with { Outcome = outcome }, facts, extras);
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
            CostPerImageUsd = CostCalculator.PerImage(cost, returned),
            Image = facts,
            ImagePath = path,
            ImagesReturned = returned,
            ExtraImages = extras,
            Seed = result.Seed,
            Request = result.Request,
            RevisedPrompt = result.RevisedPrompt,
            // Paid calls of this attempt whose answer never arrived (a connection dropped after sending); the store
            // adds the calls this slot lost before.
            InterruptedCalls = result.UnansweredPaidCalls,
            EmulatorTimeScale = recorder.EmulatorTimeScale,
        };
        // Saved even if the run is being cancelled right now: this image is paid for. The store adds the calls
        // this slot lost before (crashes, kills, claims taken over) to the attempt's interrupted calls.
        var recorded = await store.SaveAttemptAsync(claim, attempt, CancellationToken.None).ConfigureAwait(false);
        return (attempt, recorded);
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
