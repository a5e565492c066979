using System.Collections.Concurrent;
using ImageBench.Emulator.Rendering;

namespace ImageBench.Emulator.DashScope;

/// <summary>One DashScope task; its whole future is fixed at submit time and polls only read the clock.</summary>
internal sealed record DashScopeJob(
    string Id, string Model, string Prompt, DateTimeOffset SubmittedAt, DateTimeOffset FinishesAt, bool Refused,
    Uri? ImageUrl, Task<RenderedImage>? Image)
{
    /// <summary>The first tenth of the emulated time is spent PENDING, as real tasks wait for a worker.</summary>
    public DateTimeOffset StartsAt => SubmittedAt + ((FinishesAt - SubmittedAt) * 0.1);
}

/// <summary>Tasks live for the server's lifetime, so a resumed client can poll the same id.</summary>
internal sealed class DashScopeJobStore
{
    private readonly ConcurrentDictionary<string, DashScopeJob> _jobs = new(StringComparer.Ordinal);

    public void Add(DashScopeJob job) => _jobs[job.Id] = job;

    public DashScopeJob? Find(string id) => _jobs.GetValueOrDefault(id);
}
