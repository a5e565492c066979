using ImageBench.Tests.Support;

namespace ImageBench.Tests.Cli;

/// <summary>
/// One real emulated run (seed-six × FLUX 1.1 Pro × 2 repeats, not scored), made once for the damaged-store tests;
/// each test damages its own copy.
/// </summary>
public sealed class HealthyRun : IAsyncLifetime
{
    private readonly TempDir _dir = new();

    public string Path => System.IO.Path.Combine(_dir.Path, "run");

    public int Slots => 12;

    public async Task InitializeAsync()
    {
        var (exit, output, err) = await CliProcess.RunAsync(["run", "--suite", "suites/seed-six.yaml", "--model", "flux-1.1-pro", "--repeat", "2", "--emulator", "--time-scale", "0", "--no-score", "--out", Path]);
        if (exit != 0) throw new InvalidOperationException($"the healthy run failed: exit {exit}\n{output}\n{err}");
    }

    /// <summary>A copy of the run directory under <paramref name="parent"/>.</summary>
    public string CopyTo(string parent)
    {
        var target = System.IO.Path.Combine(parent, "run");
        foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
        {
            var to = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(Path, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class HealthyRunCollection : ICollectionFixture<HealthyRun>
{
    public const string Name = "healthy run";
}
