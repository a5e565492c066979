using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace ImageBench.Tests.Support;

/// <summary>
/// A fake clock that moves exactly as far as the code under test asks to wait: every timer created (Task.Delay
/// on this provider) is announced, and <see cref="RunAsync{T}"/> advances the clock by that timer's due time.
/// Poll loops and backoffs therefore run instantly and deterministically, and phase durations are exact sums of
/// the waits plus the simulated server times the handler adds.
/// </summary>
public sealed class SteppingClock : TimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    // One outstanding read, kept across runs: an abandoned read would swallow the next run's first timer.
    private Task<TimeSpan>? _pendingRead;

    public FakeTimeProvider Fake { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Total time the clock was moved because the code under test waited on a timer.</summary>
    public TimeSpan TimerAdvances { get; private set; }

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan) _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Simulates time passing outside our code (the server working).</summary>
    public void Advance(TimeSpan by) => Fake.Advance(by);

    public async Task<T> RunAsync<T>(Func<Task<T>> work, int maxSteps = 1000)
    {
        ArgumentNullException.ThrowIfNull(work);
        var task = work();
        for (var step = 0; step < maxSteps; step++)
        {
            var next = _pendingRead ??= _timers.Reader.ReadAsync().AsTask();
            if (await Task.WhenAny(task, next) == task) return await task;
            _pendingRead = null;
            var due = await next;
            TimerAdvances += due;
            Fake.Advance(due);
        }
        throw new InvalidOperationException($"work did not finish within {maxSteps} timer steps");
    }
}
