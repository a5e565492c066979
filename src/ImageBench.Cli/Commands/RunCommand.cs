using System.CommandLine;
using System.Globalization;
using ImageBench.Configuration;
using ImageBench.Emulator;
using ImageBench.Providers;
using ImageBench.Running;

namespace ImageBench.Cli.Commands;

/// <summary><c>imagebench run</c>: the suite against the models, measured, stored and reported.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var suite = new Option<string?>("--suite") { Description = "Suite YAML file (prompts with expectations)" };
        var modelsFile = CommonOptions.ModelsFile();
        var model = new Option<string[]>("--model") { Description = "Model id from the catalog; repeat for each model" };
        var repeat = new Option<int>("--repeat") { Description = "Images per prompt and model", DefaultValueFactory = _ => 1 };
        var outDir = new Option<string?>("--out") { Description = "Run directory (default runs/<suite>-<time>)" };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out: completed attempts are kept, submitted jobs are polled, not paid again" };
        var budget = new Option<decimal?>("--budget") { Description = "Stop before the next call could take spending past this many USD" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan and its estimated cost; call nothing" };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one attempt may take, first byte to image stored", DefaultValueFactory = _ => 300 };
        var failAbove = new Option<double?>("--fail-above") { Description = "Exit 1 when more than this share (0..1) of attempts produced no image" };
        var emulator = new Option<bool>("--emulator") { Description = "Send every call to the built-in emulator (no keys, no network)" };
        var timeScale = CommonOptions.TimeScale(0.1);
        var fault = FaultOptions.Create();
        var noScore = new Option<bool>("--no-score") { Description = "Do not score the images after the run (score later with `imagebench score DIR`)" };
        var retryUnsafe = new Option<bool>("--retry-unsafe")
        {
            Description = "Also resend a generation call after its connection dropped mid-request or the server answered 500/502/504 "
                          + "(the provider may already have billed it, so one image can be paid twice). Off: such calls are sent once",
        };
        var judge = new JudgeOptions();
        var command = new Command("run", "Run a suite against models and write results.json, report.md and report.html")
            { suite, modelsFile, model, repeat, outDir, resume, budget, dryRun, timeout, failAbove, emulator, timeScale, fault, noScore, retryUnsafe };
        foreach (var option in judge.All) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(timeout) is not (> 0 and <= 86_400) and var t) throw new InputException($"--timeout must be 1..86400 seconds, not {t.ToString(CultureInfo.InvariantCulture)}");
            if (parse.GetValue(budget) is < 0) throw new InputException("--budget must not be negative");
            if (parse.GetValue(failAbove) is { } fa && fa is < 0 or > 1) throw new InputException("--fail-above must be a share from 0 to 1");
            var suitePath = parse.GetValue(suite);
            var request = new RunRequest
            {
                SuitePath = suitePath,
                ModelsFile = parse.GetValue(modelsFile),
                Models = parse.GetValue(model) ?? [],
                Repeat = parse.GetValue(repeat),
                OutDir = parse.GetValue(outDir) ?? (parse.GetValue(resume) ? throw new InputException("--resume needs --out DIR (the run to continue)") : DefaultOutDir(suitePath)),
                Resume = parse.GetValue(resume),
                BudgetUsd = parse.GetValue(budget),
                DryRun = parse.GetValue(dryRun),
                AttemptTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                FailAbove = parse.GetValue(failAbove),
                Judge = judge.Read(parse),
            };
            if (parse.GetValue(fault) is { Length: > 0 } && !parse.GetValue(emulator))
                throw new InputException("--fault needs --emulator (or start `imagebench emulator --fault …` and point a models file at it)");
            var faults = FaultOptions.Read(parse.GetValue(fault), () => Catalog.ModelCatalog.Load(request.ModelsFile));
            return await RunWorkflow.ExecuteAsync(request, parse.GetValue(emulator) ? CommonOptions.CheckTimeScale(parse.GetValue(timeScale)) : null, Console.Out, ct,
                score: !parse.GetValue(noScore), faults, retryPossiblyBilled: parse.GetValue(retryUnsafe));
        });
        return command;
    }

    private static string DefaultOutDir(string? suitePath) =>
        Path.Combine("runs", $"{Path.GetFileNameWithoutExtension(suitePath ?? "run")}-{TimeProvider.System.GetLocalNow():yyyyMMdd-HHmmss}");
}
