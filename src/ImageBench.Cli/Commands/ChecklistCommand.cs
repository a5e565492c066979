using System.CommandLine;
using ImageBench.Scoring.Judge;
using ImageBench.Suites;

namespace ImageBench.Cli.Commands;

/// <summary>
/// <c>imagebench checklist SUITE</c>: prints the judge's yes/no questions for every prompt as YAML, laid out to paste
/// under each prompt's <c>expect:</c>, so a team can review them and freeze them into the suite.
/// </summary>
internal static class ChecklistCommand
{
    public static Command Create()
    {
        var suite = new Argument<string>("suite") { Description = "Suite YAML file" };
        var command = new Command("checklist", "Print the checklist judge's questions for a suite as YAML, ready to freeze into it") { suite };
        command.SetAction(parse =>
        {
            Console.Write(ChecklistYaml.ForSuite(SuiteLoader.Load(parse.GetValue(suite)!)));
            return 0;
        });
        return command;
    }
}
