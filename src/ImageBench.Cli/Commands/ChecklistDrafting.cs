using ImageBench.Configuration;
using ImageBench.Scoring.Judge;
using ImageBench.Scoring.Judge.Clients;
using ImageBench.Scoring.Judge.Drafting;
using ImageBench.Scoring.Judge.Replay;
using ImageBench.Suites;
using Microsoft.Extensions.AI;

namespace ImageBench.Cli.Commands;

/// <summary>
/// <c>imagebench checklist SUITE --draft-with SPEC</c>: one text-only request per prompt to the named model, the
/// drafts as suite YAML to freeze, and a warning on stderr for every prompt whose draft was not usable (it keeps
/// its derived checklist). Everything that can be checked before a call — spec, key, files — is exit 2 first.
/// </summary>
internal static class ChecklistDrafting
{
    public static async Task<string> RunAsync(Suite suite, string spec, string? recordPath, string? replayPath, TextWriter warnings, TimeProvider time, CancellationToken ct)
    {
        var drafter = JudgeSpec.Parse(spec);
        if (drafter.IsEmulated)
            throw new InputException("--draft-with emulated: the emulated judge only answers questions about the emulator's own drawings and cannot write a "
                + "checklist; draft with a real model (openai:<model>, openrouter:<model>, gemini:<model>), or drop --draft-with for the rule-derived questions");
        if (recordPath is not null && replayPath is not null) throw new InputException("--judge-record and --judge-replay cannot be combined");
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new JudgeSettings(spec, RecordPath: recordPath, ReplayPath: replayPath)
            .Client(http, new JudgeClientOptions { MissingKeyHint = "or replay a recorded draft with --judge-replay FILE" });
        var drafts = await new ChecklistDrafter(client, drafter.Label).DraftAsync(suite, ct);
        foreach (var draft in drafts.Where(d => d.Source == DraftSource.Fallback))
            await warnings.WriteLineAsync($"warning: prompt '{draft.PromptId}': the draft by {drafter.Label} was not used ({draft.Reason}); printing its derived checklist instead");
        return DraftYaml.ForSuite(suite, drafts, drafter.Label, time.GetUtcNow());
    }
}
