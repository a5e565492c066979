using System.CommandLine;
using ImageBench.Configuration;
using ImageBench.Scoring.Judge;
using ImageBench.Suites;

namespace ImageBench.Cli.Commands;

/// <summary>
/// <c>imagebench checklist SUITE [--draft-with SPEC]</c>: prints the judge's yes/no questions for every prompt as YAML,
/// laid out to paste under each prompt's <c>expect:</c>, so a team can review them and freeze them into the suite.
/// Without <c>--draft-with</c> they are the rule-derived questions; with it an LLM drafts them (<see cref="ChecklistDrafting"/>).
/// </summary>
internal static class ChecklistCommand
{
    public static Command Create()
    {
        var suite = new Argument<string>("suite") { Description = "Suite YAML file" };
        var draftWith = new Option<string?>("--draft-with")
        {
            Description = "Have an LLM draft the questions (DSG style) instead of deriving them by rule: openai:<model>, openrouter:<model> "
                + "or gemini:<model>. Keys from OPENAI_API_KEY, OPENROUTER_API_KEY, GEMINI_API_KEY. A draft that is not a valid checklist "
                + "falls back to the derived one, with a warning",
        };
        var record = new Option<string?>("--judge-record") { Description = "With --draft-with: append every drafting answer to this JSON-lines file" };
        var replay = new Option<string?>("--judge-replay") { Description = "With --draft-with: answer from a file written by --judge-record instead of calling the model" };
        var command = new Command("checklist", "Print the checklist judge's questions for a suite as YAML, ready to freeze into it") { suite, draftWith, record, replay };
        command.SetAction(async (parse, ct) =>
        {
            var loaded = SuiteLoader.Load(parse.GetValue(suite)!);
            if (parse.GetValue(draftWith) is not { } spec)
            {
                if (parse.GetValue(record) is not null || parse.GetValue(replay) is not null)
                    throw new InputException("--judge-record and --judge-replay only apply with --draft-with SPEC");
                Console.Write(ChecklistYaml.ForSuite(loaded));
                return 0;
            }
            var yaml = await ChecklistDrafting.RunAsync(loaded, spec, parse.GetValue(record), parse.GetValue(replay), Console.Error, TimeProvider.System, ct);
            Console.Write(yaml);
            return 0;
        });
        return command;
    }
}
