using System.Text.Json.Nodes;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Cli;

/// <summary><c>--fault</c> on the command line: a bad spec is one line and exit 2; a good one is injected and counted.</summary>
public sealed class FaultCliTests : IDisposable
{
    private readonly TempDir _dir = new();

    private static void AssertOneCleanLine(string err, string expected)
    {
        Assert.Contains(expected, err, StringComparison.Ordinal);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("Exception", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_rate_stops_the_emulator_before_it_starts()
    {
        var (exit, output, err) = await CliProcess.RunAsync(["emulator", "--port", "0", "--fault", "429=2"]);

        Assert.Equal(2, exit);
        AssertOneCleanLine(err, "error: --fault '429=2': the rate '2' must be a probability from 0 to 1");
        Assert.DoesNotContain("ImageBench emulator:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_model_in_a_spec_is_exit_2()
    {
        var (exit, _, err) = await CliProcess.RunAsync(["run", "--suite", "suites/seed-six.yaml", "--model", "flux-1.1-pro", "--emulator", "--fault", "flux-9:502=0.2", "--out", Path.Combine(_dir.Path, "r")]);

        Assert.Equal(2, exit);
        AssertOneCleanLine(err, "--fault 'flux-9:502=0.2': unknown model 'flux-9'");
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "r")));
    }

    [Fact]
    public async Task Faults_need_the_emulator()
    {
        var (exit, _, err) = await CliProcess.RunAsync(["run", "--suite", "suites/seed-six.yaml", "--model", "flux-1.1-pro", "--fault", "429=0.1", "--out", Path.Combine(_dir.Path, "r")]);

        Assert.Equal(2, exit);
        AssertOneCleanLine(err, "--fault needs --emulator");
    }

    [Fact]
    public async Task A_run_with_a_fault_for_one_model_injects_it_there_and_says_what_was_served()
    {
        var suite = Path.Combine(_dir.Path, "suite.yaml");
        await File.WriteAllTextAsync(suite, "prompts:\n  - id: p1\n    text: 'a sign that says \"OPEN\"'\n");
        var models = Path.Combine(_dir.Path, "models.yaml");
        await File.WriteAllTextAsync(models, "models:\n  flux-1.1-pro:\n    size: 256x256\n  gpt-image-2:\n    size: 256x256\n");
        var outDir = Path.Combine(_dir.Path, "run");

        var (exit, output, err) = await CliProcess.RunAsync(["run", "--suite", suite, "--models-file", models, "--model", "flux-1.1-pro", "--model", "gpt-image-2",
            "--emulator", "--time-scale", "0", "--no-score", "--fault", "flux-1.1-pro:503=1", "--out", outDir]);

        Assert.True(exit == 0, output + err);
        Assert.Contains("emulator faults: flux-pro-1.1:503@create=1", output, StringComparison.Ordinal);
        Assert.Contains("  flux-pro-1.1 (bfl): 2 submissions, 1 billed, 0 refused", output, StringComparison.Ordinal);
        Assert.Contains("  gpt-image-2 (openai): 1 submissions, 1 billed, 0 refused", output, StringComparison.Ordinal);
        var attempts = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "results.json")))!["attempts"]!.AsArray();
        var flux = attempts.Single(a => (string?)a!["model"] == "flux-1.1-pro")!;
        Assert.Equal(503, (int?)flux["retries"]![0]!["http_status"]);
        Assert.Empty(attempts.Single(a => (string?)a!["model"] == "gpt-image-2")!["retries"]!.AsArray());
    }

    public void Dispose() => _dir.Dispose();
}
