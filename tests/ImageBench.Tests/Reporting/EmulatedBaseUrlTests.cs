using System.Text.Json.Nodes;
using ImageBench.Emulator;
using ImageBench.Providers;
using ImageBench.Reporting;
using ImageBench.Running;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Reporting;

/// <summary>
/// A run that reaches a started emulator through a models file's base_url (as with <c>imagebench emulator</c>) is
/// not a real-API run, though its manifest knows nothing of the emulator: the emulator's answers say so.
/// </summary>
public sealed class EmulatedBaseUrlTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public async Task A_run_through_base_url_at_the_emulator_is_labelled_emulated_in_results_and_report()
    {
        await using var emulator = await EmulatorServer.StartAsync(EmulatorOptions.ArticleDefaults(0));
        var suite = Path.Combine(_dir.Path, "suite.yaml");
        await File.WriteAllTextAsync(suite, "prompts:\n  - id: p1\n    text: 'a sign that says \"OPEN\"'\n");
        var models = Path.Combine(_dir.Path, "models.yaml");
        await File.WriteAllTextAsync(models, $"models:\n  flux-1.1-pro:\n    base_url: {emulator.BaseUrl}\n    size: 256x256\n    poll_interval_ms: 1\n");
        using var providers = new ProviderRegistry();
        var session = new RunSession(TimeProvider.System, new FixedCredentialSource("k"), providers, SilentProgress.Instance);
        var outDir = Path.Combine(_dir.Path, "run");

        var result = await session.ExecuteAsync(new RunRequest { SuitePath = suite, ModelsFile = models, Models = ["flux-1.1-pro"], OutDir = outDir }, emulator: null, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        var results = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, ReportFiles.ResultsJson)))!;
        Assert.Null((double?)results["manifest"]!["emulator_time_scale"]);
        Assert.Equal(0.0, (double?)results["attempts"]![0]!["emulator_time_scale"]);
        Assert.Equal(0.0, (double?)results["summary"]!["emulatorTimeScale"]);
        Assert.Equal(0.0, (double?)results["summary"]!["models"]!["flux-1.1-pro"]!["emulatorTimeScale"]);
        Assert.StartsWith("Emulated", (string)results["summary"]!["timingNote"]!, StringComparison.Ordinal);
        var markdown = await File.ReadAllTextAsync(Path.Combine(outDir, ReportFiles.Markdown));
        Assert.Contains("No real API was called", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Real APIs", markdown, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
