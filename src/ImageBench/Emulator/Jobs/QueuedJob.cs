using System.Collections.Concurrent;
using ImageBench.Emulator.Rendering;

namespace ImageBench.Emulator.Jobs;

/// <summary>
/// One job of a queue-style API (fal request, Replicate prediction). Its whole future is fixed when it is
/// submitted; status reads only compare the clock with <see cref="StartsAt"/> and <see cref="FinishesAt"/>.
/// </summary>
internal sealed record QueuedJob(
    string Id, string Model, string Prompt, ulong Seed, int Width, int Height, string Format,
    DateTimeOffset SubmittedAt, DateTimeOffset FinishesAt, bool Refused, Task<RenderedImage> Image)
{
    /// <summary>Like BFL tasks, the first tenth of the emulated time is spent waiting for a worker.</summary>
    public DateTimeOffset StartsAt => SubmittedAt + (FinishesAt - SubmittedAt) * 0.1;

    public bool IsQueued(DateTimeOffset now) => now < StartsAt;

    public bool IsDone(DateTimeOffset now) => now >= FinishesAt;

    /// <summary>Whether the client chose <see cref="Seed"/> (Replicate echoes only the input it was sent).</summary>
    public bool SeedSent { get; init; }

    /// <summary>Seconds from start to finish: what the provider reports as its own inference time.</summary>
    public double RunSeconds => (FinishesAt - StartsAt).TotalSeconds;
}

/// <summary>Jobs live for the server's lifetime, so a client that crashes and resumes finds the same id.</summary>
internal sealed class QueuedJobStore
{
    private readonly ConcurrentDictionary<string, QueuedJob> _jobs = new(StringComparer.Ordinal);

    public void Add(QueuedJob job) => _jobs[job.Id] = job;

    public QueuedJob? Find(string id) => _jobs.GetValueOrDefault(id);
}
