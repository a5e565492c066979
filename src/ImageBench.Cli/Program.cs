using System.CommandLine;
using ImageBench.Cli.Commands;
using ImageBench.Configuration;

namespace ImageBench.Cli;

/// <summary>
/// Entry point. Exit codes: 0 ok, 1 the run finished with failures above --fail-above (or `doctor` found damage),
/// 2 bad input (one line, file:line:column where it applies; a run store that cannot be used), 3 an internal error (one line; IMAGEBENCH_DEBUG=1 shows the stack).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Latency is stamped on continuations: a thread pool still growing (it adds threads slowly) would delay the
        // stamps of a 64-call burst and bill the harness's wait to the provider.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
        // Piped or redirected output has no terminal width; a wide fixed width keeps tables from wrapping dates and prices.
        if (Console.IsOutputRedirected) Spectre.Console.AnsiConsole.Profile.Width = 240;
        var root = new RootCommand("ImageBench: which text-to-image model should we use for this job? Measures pixels, words, seconds and dollars, head to head.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ScoreCommand.Create());
        root.Subcommands.Add(DoctorCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(ChecklistCommand.Create());
        root.Subcommands.Add(ModelsCommand.Create());
        root.Subcommands.Add(EmulatorCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) await Console.Error.WriteLineAsync("error: " + error.Message);
            await Console.Error.WriteLineAsync("run `imagebench --help` for usage");
            return ExitCodes.BadInput;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                // Ctrl-C cancels the run's token; the run then saves what is paid for, releases its claims and writes
                // the report before exiting 130. The default 2 s would cut that short.
                ProcessTerminationTimeout = TimeSpan.FromSeconds(60),
            });
        }
        catch (InputException ex)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.BadInput;
        }
        // A damaged, foreign or other-version store is bad input too, whichever command met it.
        catch (Storage.UnusableStoreException ex)
        {
            await Console.Error.WriteLineAsync("error: " + StoreErrorLine.For(ex));
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (Environment.GetEnvironmentVariable("IMAGEBENCH_DEBUG") != "1")
        {
            await Console.Error.WriteLineAsync($"internal error: {ex.GetType().Name}: {ex.Message} (set IMAGEBENCH_DEBUG=1 for details)");
            return ExitCodes.Internal;
        }
    }
}
