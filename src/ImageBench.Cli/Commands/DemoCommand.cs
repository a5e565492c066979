using System.CommandLine;
using ImageBench.Configuration;
using ImageBench.Running;

namespace ImageBench.Cli.Commands;

/// <summary>
/// <c>imagebench demo</c>: the article's six prompts against emulated GPT Image 2 and FLUX 1.1 Pro, priced as the
/// article's gateway priced them, report written. No keys, no network.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var outDir = new Option<string>("--out") { Description = "Run directory (replaced if it holds an earlier demo)", DefaultValueFactory = _ => Path.Combine("runs", "demo") };
        var timeScale = CommonOptions.TimeScale(0.1);
        var repeat = new Option<int>("--repeat") { Description = "Images per prompt and model", DefaultValueFactory = _ => 1 };
        var fault = FaultOptions.Create();
        var command = new Command("demo", "Offline demo: the article's six prompts against emulated models, report written") { outDir, timeScale, repeat, fault };
        command.SetAction(async (parse, ct) =>
        {
            var suite = DemoFile("seed-six.yaml");
            var models = DemoFile("seed-six.models.yaml");
            var faults = FaultOptions.Read(parse.GetValue(fault), () => Catalog.ModelCatalog.Load(models));
            var dir = parse.GetValue(outDir)!;
            ClearEarlierDemo(dir);
            var request = new RunRequest
            {
                SuitePath = suite,
                ModelsFile = models,
                Models = ["gpt-image-2", "flux-1.1-pro"],
                Repeat = parse.GetValue(repeat),
                OutDir = dir,
                // The emulator stands in for the judge too, labelled as such in every result and report.
                Judge = new Scoring.Judge.JudgeSettings(Scoring.Judge.Clients.JudgeSpec.Emulated),
            };
            var exit = await RunWorkflow.ExecuteAsync(request, CommonOptions.CheckTimeScale(parse.GetValue(timeScale)), Console.Out, ct, faults: faults);
            Console.WriteLine(ServeLine(dir));
            return exit;
        });
        return command;
    }

    /// <summary>
    /// The checkout's suites/ when run from it (edits show up at once), else the copy shipped beside the installed tool.
    /// </summary>
    private static string DemoFile(string name)
    {
        var inCheckout = Path.Combine("suites", name);
        if (File.Exists(inCheckout)) return inCheckout;
        var shipped = Path.Combine(AppContext.BaseDirectory, "suites", name);
        return File.Exists(shipped) ? shipped
            : throw new InputException($"the demo's {name} is neither in {Path.GetFullPath("suites")} nor beside the tool in {Path.GetDirectoryName(shipped)}");
    }

    /// <summary>The command that shows the demo in a browser, as it can be pasted in this checkout.</summary>
    public static string ServeLine(string runDir)
    {
        var full = Path.GetFullPath(runDir);
        var workspace = Path.GetRelativePath(Environment.CurrentDirectory, Path.GetDirectoryName(full)!);
        var cli = Path.GetRelativePath(Environment.CurrentDirectory, typeof(DemoCommand).Assembly.Location);
        var url = $"http://127.0.0.1:{Web.ServeOptions.DefaultPort}/runs/{Uri.EscapeDataString(Path.GetFileName(full))}";
        return $"see it in the browser: dotnet {cli} serve --workspace {workspace}   (then open {url})";
    }

    /// <summary>Only ever deletes what a demo writes, and refuses a directory holding anything else.</summary>
    private static void ClearEarlierDemo(string dir)
    {
        if (!Directory.Exists(dir)) return;
        string[] demoFiles = ["imagebench.db", "imagebench.db-wal", "imagebench.db-shm", "results.json", "report.md", "report.html", "results.csv"];
        var foreign = Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName)
            .Where(n => n != "images" && Array.IndexOf(demoFiles, n) < 0).ToList();
        if (foreign.Count > 0)
            throw new InputException($"{dir} holds files a demo did not write ({string.Join(", ", foreign.Take(3))}); choose another --out");
        foreach (var f in demoFiles) File.Delete(Path.Combine(dir, f));
        if (Directory.Exists(Path.Combine(dir, "images"))) Directory.Delete(Path.Combine(dir, "images"), recursive: true);
    }
}
