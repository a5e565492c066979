using System.CommandLine;
using System.Globalization;
using ImageBench.Configuration;

namespace ImageBench.Cli.Commands;

internal static class CommonOptions
{
    public static Option<string?> ModelsFile() => new("--models-file") { Description = "YAML file of models to add or override (same format as the shipped catalog)" };

    public static Option<double> TimeScale(double defaultValue) => new("--time-scale")
    {
        Description = "Emulator clock factor: 1 = the article's real latencies, 0.01 = a hundred times faster, 0 = no delay",
        DefaultValueFactory = _ => defaultValue,
    };

    public static double CheckTimeScale(double value) =>
        value is >= 0 and <= 100 ? value : throw new InputException($"--time-scale must be from 0 to 100, not {value.ToString(CultureInfo.InvariantCulture)}");
}
