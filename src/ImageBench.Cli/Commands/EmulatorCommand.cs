using System.CommandLine;
using ImageBench.Catalog;
using ImageBench.Emulator;
using ImageBench.Emulator.Faults;

namespace ImageBench.Cli.Commands;

/// <summary><c>imagebench emulator</c>: the offline provider emulator as a server, until Ctrl-C, then what it served.</summary>
internal static class EmulatorCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port to listen on (0 = any free port)", DefaultValueFactory = _ => 8089 };
        var timeScale = CommonOptions.TimeScale(1.0);
        var fault = FaultOptions.Create();
        var modelsFile = CommonOptions.ModelsFile();
        var command = new Command("emulator", "Run the provider emulator (every supported API protocol) until Ctrl-C; counters at GET /_emulator/stats")
            { port, timeScale, fault, modelsFile };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(port) is < 0 or > 65535) throw new Configuration.InputException("--port must be from 0 to 65535");
            var faults = FaultOptions.Read(parse.GetValue(fault), () => ModelCatalog.Load(parse.GetValue(modelsFile)));
            var options = FaultSpecs.Apply(EmulatorOptions.ArticleDefaults(CommonOptions.CheckTimeScale(parse.GetValue(timeScale))) with { Port = parse.GetValue(port) }, faults);
            await EmulatorServer.RunUntilCancelledAsync(options, Console.WriteLine, ct);
            return 0;
        });
        return command;
    }
}
