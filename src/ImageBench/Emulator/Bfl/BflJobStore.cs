using System.Collections.Concurrent;

namespace ImageBench.Emulator.Bfl;

/// <summary>Jobs live for the server's lifetime, so a client that crashes and resumes can poll the same id.</summary>
internal sealed class BflJobStore
{
    private readonly ConcurrentDictionary<string, BflJob> _jobs = new(StringComparer.Ordinal);

    public void Add(BflJob job) => _jobs[job.Id] = job;

    public BflJob? Find(string id) => _jobs.GetValueOrDefault(id);
}
