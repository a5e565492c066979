using ImageBench.Providers;

namespace ImageBench.Attempts;

/// <summary>
/// The clock and notebook of one attempt. Providers call <see cref="BeginPhase"/> as the protocol moves on,
/// <see cref="RecordRetry"/> for every failed try, and <see cref="JobSubmittedAsync"/> as soon as an async API
/// accepts a job, so the job id is in the store before the first poll (resume depends on it).
/// All time goes through <see cref="TimeProvider"/> so tests run on a fake clock.
/// </summary>
public sealed class AttemptRecorder
{
    private readonly List<PhaseTiming> _phases = [];
    private readonly List<RetryRecord> _retries = [];
    private readonly Func<JobHandle, CancellationToken, ValueTask> _onJobSubmitted;
    private readonly long _start;
    private string? _currentPhase;
    private long _currentPhaseStart;

    public AttemptRecorder(TimeProvider time, Func<JobHandle, CancellationToken, ValueTask>? onJobSubmitted = null)
    {
        Time = time;
        _onJobSubmitted = onJobSubmitted ?? ((_, _) => ValueTask.CompletedTask);
        _start = time.GetTimestamp();
        StartedAt = time.GetUtcNow();
    }

    public TimeProvider Time { get; }
    public DateTimeOffset StartedAt { get; }
    public IReadOnlyList<RetryRecord> Retries => _retries;
    public JobHandle? SubmittedJob { get; private set; }
    /// <summary>The time scale ImageBench's emulator announced on a response of this attempt; null for a real provider.</summary>
    public double? EmulatorTimeScale { get; private set; }
    public string? CurrentPhase => _currentPhase;

    /// <summary>Milliseconds since the attempt started.</summary>
    public double ElapsedMs => Time.GetElapsedTime(_start).TotalMilliseconds;

    /// <summary>Closes the running phase (if any) and opens <paramref name="phase"/>. Re-entering the same phase is a no-op.</summary>
    public void BeginPhase(string phase)
    {
        if (_currentPhase == phase) return;
        var now = Time.GetTimestamp();
        CloseCurrent(now);
        _currentPhase = phase;
        _currentPhaseStart = now;
    }

    public void RecordRetry(RetryRecord retry) => _retries.Add(retry);

    public void NoteEmulator(double timeScale) => EmulatorTimeScale = timeScale;

    public async ValueTask JobSubmittedAsync(JobHandle job, CancellationToken ct)
    {
        SubmittedJob = job;
        await _onJobSubmitted(job, ct).ConfigureAwait(false);
    }

    /// <summary>Total time of failed tries plus the waits after them.</summary>
    public double RetryOverheadMs => _retries.Sum(r => r.FailedCallMs + r.WaitMs);

    /// <summary>Stops the clock: closes the running phase and returns the phases and the total latency.</summary>
    public (IReadOnlyList<PhaseTiming> Phases, double LatencyMs) Stop()
    {
        var now = Time.GetTimestamp();
        CloseCurrent(now);
        _currentPhase = null;
        return (_phases.ToArray(), Time.GetElapsedTime(_start, now).TotalMilliseconds);
    }

    private void CloseCurrent(long now)
    {
        if (_currentPhase is null) return;
        var start = Time.GetElapsedTime(_start, _currentPhaseStart).TotalMilliseconds;
        var duration = Time.GetElapsedTime(_currentPhaseStart, now).TotalMilliseconds;
        // Phases re-entered after a retry (generating → retry → generating) are merged so each name appears once.
        var existing = _phases.FindIndex(p => p.Name == _currentPhase);
        if (existing >= 0)
            _phases[existing] = _phases[existing] with { DurationMs = _phases[existing].DurationMs + duration };
        else
            _phases.Add(new PhaseTiming(_currentPhase, start, duration));
    }
}
