using System.Text.Json.Nodes;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Cli;

/// <summary>The checklist judge through the command line: emulated end to end, recorded answers replayed, bad specs refused.</summary>
public sealed class JudgeCliTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Emulated_judge_scores_the_flatlay_and_the_report_reads_its_counts_and_survives_regeneration()
    {
        var suite = Path.Combine(_dir.Path, "flatlay.yaml");
        await File.WriteAllTextAsync(suite, FlatlaySuite);
        var outDir = Path.Combine(_dir.Path, "run");
        var record = Path.Combine(_dir.Path, "judge.jsonl");
        var (exit, output, err) = await CliProcess.RunAsync(["run", "--suite", suite, "--model", "gpt-image-2", "--model", "flux-1.1-pro", "--emulator", "--time-scale", "0",
            "--out", outDir, "--judge", "emulated", "--judge-samples", "3", "--judge-record", record]);
        Assert.True(exit == 0, $"exit {exit}\n{output}\n{err}");

        var md = await File.ReadAllTextAsync(Path.Combine(outDir, "report.md"));
        Assert.Contains("judge (emulated (imagebench-emulated-judge), 3 samples)", md, StringComparison.Ordinal);
        Assert.Contains("saw brown egg ×1 (asked 1)", md, StringComparison.Ordinal);
        Assert.Matches(@"FLUX 1\.1 Pro \(one image\): .*saw brown egg ×[34] \(asked 1\) ✗", md);
        Assert.Contains("| counting and composition | 100.0% (1 of 1; 21–100%) | 0.0% (0 of 1; 0–79%) | not distinguishable (GPT Image 2, FLUX 1.1 Pro) |", md, StringComparison.Ordinal);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "results.json")))!["manifest"]!;
        Assert.Equal("emulated", (string?)manifest["parameters"]!["judge"]);
        Assert.Equal(6, File.ReadAllLines(record).Length); // 2 images × 3 samples

        // The report never calls a judge: it reads the run's judge answers from the cache.
        File.Delete(Path.Combine(outDir, "report.md"));
        var (exit2, _, err2) = await CliProcess.RunAsync(["report", outDir, "--format", "md"]);
        Assert.True(exit2 == 0, err2);
        Assert.Contains("saw brown egg ×1 (asked 1)", await File.ReadAllTextAsync(Path.Combine(outDir, "report.md")), StringComparison.Ordinal);

        // Replaying the recorded answers under another label re-asks nobody: every answer comes from the file.
        var (exit3, out3, err3) = await CliProcess.RunAsync(["score", outDir, "--judge", "openai:gpt-4.1-mini", "--judge-replay", record], env: new Dictionary<string, string?> { ["OPENAI_API_KEY"] = null });
        Assert.True(exit3 == 0, $"{out3}\n{err3}");
        Assert.Contains("judge (openai:gpt-4.1-mini, 3 samples)", await File.ReadAllTextAsync(Path.Combine(outDir, "report.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--judge", "claude:x", "unknown judge 'claude:x'")]
    [InlineData("--judge", "openai", "names no model")]
    [InlineData("--judge-samples", "0", "--judge-samples must be from 1 to 15")]
    public async Task Bad_judge_options_are_exit_2_before_any_call(string option, string value, string message)
    {
        string[] args = ["run", "--suite", "suites/seed-six.yaml", "--model", "gpt-image-2", "--emulator", "--time-scale", "0", "--out", Path.Combine(_dir.Path, "r"),
            .. option == "--judge" ? new[] { option, value } : ["--judge", "emulated", option, value]];
        var (exit, _, err) = await CliProcess.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains(message, err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir.Path, "r", "imagebench.db")));
    }

    [Fact]
    public async Task A_real_judge_without_its_key_is_exit_2_before_anything_is_paid_for()
    {
        var (exit, _, err) = await CliProcess.RunAsync(["run", "--suite", "suites/seed-six.yaml", "--model", "gpt-image-2", "--emulator", "--time-scale", "0",
            "--out", Path.Combine(_dir.Path, "r"), "--judge", "gemini:gemini-2.5-flash"], env: new Dictionary<string, string?> { ["GEMINI_API_KEY"] = null, ["GOOGLE_API_KEY"] = null });

        Assert.Equal(2, exit);
        Assert.Contains("GEMINI_API_KEY", err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir.Path, "r", "imagebench.db")));
    }

    [Fact]
    public async Task Checklist_prints_the_derived_questions_as_yaml_to_freeze()
    {
        var (exit, output, err) = await CliProcess.RunAsync(["checklist", "suites/seed-six.yaml"]);

        Assert.True(exit == 0, err);
        Assert.Contains("Is there exactly one brown egg?", output, StringComparison.Ordinal);
        Assert.Contains("Are there exactly three croissants?", output, StringComparison.Ordinal);
        Assert.Contains("depends_on:", output, StringComparison.Ordinal);
    }

    private const string FlatlaySuite = """
        name: flatlay
        prompts:
          - id: bakery-flatlay
            tags: [counting]
            text: >-
              Overhead flat-lay on dark walnut wood — scattered flour, three croissants on parchment, one brown egg,
              soft window light from upper-right.
            expect:
              objects:
                - { name: croissant, count: 3 }
                - { name: brown egg, count: 1 }
        """;

    public void Dispose() => _dir.Dispose();
}
