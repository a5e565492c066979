using ImageBench.Scoring.Judge;
using ImageBench.Scoring.Judge.Drafting;
using ImageBench.Scoring.Judge.Replay;
using ImageBench.Suites;
using ImageBench.Tests.Scoring.Judge.Drafting;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Cli;

/// <summary><c>imagebench checklist SUITE --draft-with SPEC</c>: refused specs, a missing key, and a recorded draft replayed end to end.</summary>
public sealed class ChecklistDraftCliTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Theory]
    [InlineData("emulated")]
    [InlineData("emulated:imagebench-emulated-judge")]
    public async Task Drafting_with_the_emulated_judge_is_exit_2(string spec)
    {
        var (exit, output, err) = await CliProcess.RunAsync(["checklist", "suites/seed-six.yaml", "--draft-with", spec]);

        Assert.Equal(2, exit);
        Assert.Contains("the emulated judge only answers questions about the emulator's own drawings", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task A_real_model_without_its_key_is_exit_2_naming_the_variable()
    {
        var (exit, _, err) = await CliProcess.RunAsync(["checklist", "suites/seed-six.yaml", "--draft-with", "openai:x"],
            env: new Dictionary<string, string?> { ["OPENAI_API_KEY"] = null, ["OPENAI_BASE_URL"] = null });

        Assert.Equal(2, exit);
        Assert.Contains("OPENAI_API_KEY", err, StringComparison.Ordinal);
        Assert.DoesNotContain("--judge emulated", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_or_replay_without_draft_with_is_exit_2()
    {
        var (exit, _, err) = await CliProcess.RunAsync(["checklist", "suites/seed-six.yaml", "--judge-record", Path.Combine(_dir.Path, "r.jsonl")]);

        Assert.Equal(2, exit);
        Assert.Contains("only apply with --draft-with", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recorded_draft_replays_end_to_end_and_freezes_into_the_suite()
    {
        var suitePath = Path.Combine(_dir.Path, "drafting.yaml");
        await File.WriteAllTextAsync(suitePath, DraftFixtures.Suite());
        // The record is keyed by the hash of exactly what the drafter sends for the prompt as the CLI loads it.
        var flatlay = SuiteLoader.Load(suitePath).Prompts[0];
        var key = ChatRequestKey.Of(DraftRequest.Messages(flatlay));
        var recording = Path.Combine(_dir.Path, "draft.jsonl");
        await File.WriteAllTextAsync(recording, new JudgeRecord(key.Hash, 0, Model: "gpt-4.1-mini-2025-04-14", Text: "```json\n" + DraftFixtures.GoodDraft + "\n```").ToJsonLine() + "\n");

        var (exit, output, err) = await CliProcess.RunAsync(["checklist", suitePath, "--draft-with", "openai:gpt-4.1-mini", "--judge-replay", recording],
            env: new Dictionary<string, string?> { ["OPENAI_API_KEY"] = null });

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{err}");
        Assert.Matches(@"^# Drafted by openai:gpt-4\.1-mini \(model gpt-4\.1-mini-2025-04-14\) on \d{4}-\d\d-\d\d \d\d:\d\d UTC: 1 drafted, 1 fell back", output);
        Assert.Contains("Are the croissants on the parchment?", output, StringComparison.Ordinal);
        // The poster was never recorded: replay refuses to invent a draft, so it keeps its derived question and says so.
        Assert.Contains("warning: prompt 'poster': the draft by openai:gpt-4.1-mini was not used (the call failed: the judge recording has no answer", err, StringComparison.Ordinal);
        Assert.Contains("Does the image's style match \\\"pixel-art\\\"?", DraftFixtures.BlockOf(output, "poster"), StringComparison.Ordinal);

        var frozen = DraftFixtures.Load(DraftFixtures.BlockOf(output, "flatlay"), DraftFixtures.BlockOf(output, "poster"));
        var expected = DraftReplyParser.Parse(DraftFixtures.GoodDraft, out _)!;
        Assert.Equal(expected.Select(i => i.ToQuestion()), ChecklistBuilder.For(frozen.Prompts[0]).Questions);
        Assert.Equal(expected.Select(i => string.Join(",", i.DependsOn)), ChecklistBuilder.For(frozen.Prompts[0]).Items.Select(i => string.Join(",", i.DependsOn)));
    }

    [Fact]
    public async Task Without_draft_with_the_output_is_the_derived_checklist_as_before()
    {
        var (exit, output, _) = await CliProcess.RunAsync(["checklist", "suites/seed-six.yaml"]);

        Assert.Equal(0, exit);
        Assert.Equal(ChecklistYaml.ForSuite(SuiteLoader.Load(RepoPaths.File("suites", "seed-six.yaml"))), output.ReplaceLineEndings("\n"));
    }

    public void Dispose() => _dir.Dispose();
}
