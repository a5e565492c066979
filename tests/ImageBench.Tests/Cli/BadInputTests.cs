using ImageBench.Tests.Support;

namespace ImageBench.Tests.Cli;

/// <summary>Bad input gets one clear line and exit code 2 — never a stack trace.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDir _dir = new();

    private static void AssertOneCleanLine(string err, string expected)
    {
        Assert.Contains(expected, err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yaml_error_in_a_suite_names_file_line_and_column()
    {
        var suite = Path.Combine(_dir.Path, "bad.yaml");
        await File.WriteAllTextAsync(suite, "prompts:\n  - id: a\n    text: \"unclosed\n");
        var (exit, _, err) = await CliProcess.RunAsync(["run", "--suite", suite, "--model", "gpt-image-2", "--emulator", "--out", Path.Combine(_dir.Path, "r")]);

        Assert.Equal(2, exit);
        AssertOneCleanLine(err, $"{suite}:3:");
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "r")));
    }

    [Fact]
    public async Task Unknown_model_is_exit_2()
    {
        var (exit, _, err) = await CliProcess.RunAsync(["run", "--suite", "suites/seed-six.yaml", "--model", "gpt-image-9", "--emulator", "--out", Path.Combine(_dir.Path, "r")]);

        Assert.Equal(2, exit);
        AssertOneCleanLine(err, "unknown model 'gpt-image-9'");
    }

    [Fact]
    public async Task Missing_key_is_exit_2_before_any_call()
    {
        var (exit, _, err) = await CliProcess.RunAsync(["run", "--suite", "suites/seed-six.yaml", "--model", "gpt-image-2", "--out", Path.Combine(_dir.Path, "r")]);

        Assert.Equal(2, exit);
        AssertOneCleanLine(err, "OPENAI_API_KEY");
        Assert.False(File.Exists(Path.Combine(_dir.Path, "r", "imagebench.db")));
    }

    [Fact]
    public async Task Unknown_option_and_bad_numbers_are_exit_2()
    {
        var (exit1, _, _) = await CliProcess.RunAsync(["run", "--suite", "suites/seed-six.yaml", "--modle", "x"]);
        var (exit2, _, err2) = await CliProcess.RunAsync(["run", "--suite", "suites/seed-six.yaml", "--model", "gpt-image-2", "--repeat", "0", "--dry-run"]);

        Assert.Equal(2, exit1);
        Assert.Equal(2, exit2);
        AssertOneCleanLine(err2, "--repeat");
    }

    [Fact]
    public async Task Report_on_a_directory_without_a_run_is_exit_2()
    {
        var (exit, _, err) = await CliProcess.RunAsync(["report", _dir.Path]);

        Assert.Equal(2, exit);
        AssertOneCleanLine(err, "not a run directory");
    }

    [Fact]
    public async Task Dry_run_prints_the_plan_and_its_estimated_cost_and_calls_nothing()
    {
        var (exit, output, _) = await CliProcess.RunAsync(["run", "--suite", "suites/seed-six.yaml", "--model", "gpt-image-2", "--model", "flux-1.1-pro", "--repeat", "2", "--dry-run"]);

        Assert.Equal(0, exit);
        Assert.Contains("6 prompts × 2 models × 2 repeats = 24 calls", output, StringComparison.Ordinal);
        Assert.Contains("est. $0.36", output, StringComparison.Ordinal);  // 12 × $0.03
        Assert.Contains("est. $0.48", output, StringComparison.Ordinal);  // 12 × $0.04
        Assert.Contains("estimated total: $0.84", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_lists_prices_with_their_dates()
    {
        var (exit, output, _) = await CliProcess.RunAsync(["models"]);

        Assert.Equal(0, exit);
        Assert.Contains("gpt-image-2", output, StringComparison.Ordinal);
        Assert.Contains("$0.03", output, StringComparison.Ordinal);
        Assert.Contains("2026-05-01", output, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
