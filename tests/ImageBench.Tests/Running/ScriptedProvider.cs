using ImageBench.Attempts;
using ImageBench.Providers;
using Microsoft.Extensions.Time.Testing;

namespace ImageBench.Tests.Running;

/// <summary>
/// A provider whose behaviour per call is a script: it moves the fake clock through phases as a real adapter
/// would mark them, so the runner's measurements can be checked exactly.
/// </summary>
internal sealed class ScriptedProvider(FakeTimeProvider clock) : IImageProvider
{
    public int Generated;
    public int Resumed;
    public Func<GenerationRequest, AttemptRecorder, CancellationToken, Task<GenerationResult>>? Script { get; set; }

    public string Family => "openai";
    public Task<GenerationResult> GenerateAsync(GenerationRequest request, AttemptRecorder recorder, CancellationToken ct)
    {
        Interlocked.Increment(ref Generated);
        return (Script ?? Default)(request, recorder, ct);
    }

    public Task<GenerationResult> ResumeAsync(GenerationRequest request, JobHandle job, AttemptRecorder recorder, CancellationToken ct)
    {
        Interlocked.Increment(ref Resumed);
        return Default(request, recorder, ct);
    }

    public Task<GenerationResult> Default(GenerationRequest request, AttemptRecorder recorder, CancellationToken ct)
    {
        recorder.BeginPhase(PhaseNames.Generating);
        clock.Advance(TimeSpan.FromMilliseconds(1500));
        recorder.BeginPhase(PhaseNames.Download);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        return Task.FromResult(new GenerationResult { Outcome = AttemptOutcome.Ok, ImageBytes = Support.TestImages.Png(), ServerMs = 1400, ServerMsSource = "test" });
    }
}
