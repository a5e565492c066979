using System.CommandLine;
using ImageBench.Catalog;
using Spectre.Console;

namespace ImageBench.Cli.Commands;

/// <summary><c>imagebench models</c>: the catalog with prices, where they were read and when.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var modelsFile = CommonOptions.ModelsFile();
        var wide = new Option<bool>("--wide") { Description = "One wide table with upstream names, base URLs, token prices and price sources inline" };
        var command = new Command("models", "List the model catalog with prices (and the date each price was read)") { modelsFile, wide };
        command.SetAction(parse =>
        {
            var catalog = ModelCatalog.Load(parse.GetValue(modelsFile));
            CatalogView.Write(catalog, AnsiConsole.Console, parse.GetValue(wide), Environment.GetEnvironmentVariable);
            return 0;
        });
        return command;
    }
}
