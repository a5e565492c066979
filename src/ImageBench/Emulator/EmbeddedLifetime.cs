using Microsoft.Extensions.Hosting;

namespace ImageBench.Emulator;

/// <summary>
/// Replaces the default console lifetime: the emulator lives inside tests and the CLI, which own Ctrl+C and
/// shutdown themselves; the console lifetime would hijack SIGINT and print status lines.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
