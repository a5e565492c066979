using System.CommandLine;
using ImageBench.Scoring.Judge;

namespace ImageBench.Cli.Commands;

/// <summary>The checklist judge's options, shared by <c>run</c>, <c>score</c> and <c>report</c>.</summary>
internal sealed class JudgeOptions
{
    public Option<string?> Spec { get; } = new("--judge")
    {
        Description = "Checklist judge (vision LLM) for counts, placement, lighting, style and action: openai:<model>, "
            + "openrouter:<model>, gemini:<model>, or emulated (the emulator's labelled stand-in). Keys from OPENAI_API_KEY, "
            + "OPENROUTER_API_KEY, GEMINI_API_KEY. Default: the run's judge, if it had one; else none",
    };

    public Option<int> Samples { get; } = new("--judge-samples")
    {
        Description = "Judge calls per image; the majority answer per question counts (1–15)",
        DefaultValueFactory = _ => JudgeSettings.DefaultSamples,
    };

    public Option<string?> Record { get; } = new("--judge-record") { Description = "Append every judge answer to this JSON-lines file (to replay later without paying)" };

    public Option<string?> Replay { get; } = new("--judge-replay") { Description = "Answer from a file written by --judge-record instead of calling the judge" };

    public IEnumerable<Option> All => [Spec, Samples, Record, Replay];

    /// <summary>The judge asked for, else <paramref name="recorded"/> (the run's own), else none.</summary>
    public JudgeSettings? Read(ParseResult parse, JudgeSettings? recorded = null)
    {
        var samples = parse.GetResult(Samples) is { Implicit: false } ? parse.GetValue(Samples) : (int?)null;
        var chosen = JudgeSettings.Choose(parse.GetValue(Spec), samples, recorded);
        return chosen is null ? null : (chosen with { RecordPath = parse.GetValue(Record), ReplayPath = parse.GetValue(Replay) }).Validate();
    }
}
