using System.Collections.Concurrent;

namespace ImageBench.Emulator;

/// <summary>One model's counters, updated from request threads.</summary>
internal sealed class ModelCounters
{
    public static readonly ModelStatsSnapshot Empty = new(null, 0, 0, 0, 0, 0, new SortedDictionary<string, int>());

    private readonly ConcurrentDictionary<string, int> _faults = new(StringComparer.Ordinal);
    private int _submissions;
    private int _billed;
    private int _refusals;
    private int _polls;
    private int _deliveries;

    /// <summary>The protocol family of the model's first submission.</summary>
    public string? Protocol { get; set; }

    public void Submission() => Interlocked.Increment(ref _submissions);
    public void Bill() => Interlocked.Increment(ref _billed);
    public void Refuse() => Interlocked.Increment(ref _refusals);
    public void Poll() => Interlocked.Increment(ref _polls);
    public void Deliver() => Interlocked.Increment(ref _deliveries);
    public void Fault(string label) => _faults.AddOrUpdate(label, 1, (_, n) => n + 1);

    public ModelStatsSnapshot Snapshot() => new(Protocol, Volatile.Read(ref _submissions), Volatile.Read(ref _billed),
        Volatile.Read(ref _refusals), Volatile.Read(ref _polls), Volatile.Read(ref _deliveries),
        new SortedDictionary<string, int>(_faults, StringComparer.Ordinal));
}
