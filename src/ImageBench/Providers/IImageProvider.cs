using ImageBench.Attempts;

namespace ImageBench.Providers;

/// <summary>
/// One API family (OpenAI Images, BFL, …). An adapter turns one <see cref="GenerationRequest"/> into one
/// <see cref="GenerationResult"/>, marking phases on the <see cref="AttemptRecorder"/> as the protocol moves.
/// Adapters never throw for anything the provider sends back: garbage becomes <see cref="AttemptOutcome.InvalidResponse"/>.
/// They let <see cref="OperationCanceledException"/> through so the runner can tell a timeout from Ctrl-C.
/// </summary>
public interface IImageProvider
{
    /// <summary>The catalog's <c>provider:</c> value this adapter serves ("openai", "bfl").</summary>
    string Family { get; }

    /// <summary>
    /// Creates the image. The runner has marked the slot sent before this is called: whatever the protocol
    /// (sync, submit and poll, a held POST), the create may be billed before its answer arrives. An adapter whose
    /// API accepts a job reports it through <see cref="AttemptRecorder.JobSubmittedAsync"/> before the first poll.
    /// </summary>
    Task<GenerationResult> GenerateAsync(GenerationRequest request, AttemptRecorder recorder, CancellationToken ct);

    /// <summary>Continues a job submitted before a crash: polls it by id, never submits again.</summary>
    Task<GenerationResult> ResumeAsync(GenerationRequest request, JobHandle job, AttemptRecorder recorder, CancellationToken ct);
}
