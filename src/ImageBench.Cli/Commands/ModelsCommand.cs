using System.CommandLine;
using System.Globalization;
using ImageBench.Catalog;
using Spectre.Console;

namespace ImageBench.Cli.Commands;

/// <summary><c>imagebench models</c>: the catalog with prices, where they were read and when.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var modelsFile = CommonOptions.ModelsFile();
        var command = new Command("models", "List the model catalog with prices (and the date each price was read)") { modelsFile };
        command.SetAction(parse =>
        {
            var catalog = ModelCatalog.Load(parse.GetValue(modelsFile));
            var table = new Table().AddColumns("model", "provider", "upstream", "base URL", "key", "1K", "2K", "4K", "per 1M tokens", "price source", "read");
            foreach (var m in catalog.Models.OrderBy(m => m.Provider, StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal))
            {
                table.AddRow(
                    Markup.Escape(m.Id), m.Provider, Markup.Escape(m.Upstream), Markup.Escape(m.BaseUrl.AbsoluteUri),
                    m.KeyEnv is null ? "none" : $"{m.KeyEnv} ({(Environment.GetEnvironmentVariable(m.KeyEnv) is { Length: > 0 } ? "set" : "not set")})",
                    Tier(m, "1K"), Tier(m, "2K"), Tier(m, "4K"), Markup.Escape(Tokens(m.Price.PerMillionTokensUsd)),
                    Markup.Escape(m.Price.Source), m.Price.ReadOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static string Tier(ModelEntry m, string tier) =>
        m.Price.PerImageUsd.TryGetValue(tier, out var p) ? "$" + p.ToString("0.###", CultureInfo.InvariantCulture) : "—";

    private static string Tokens(TokenPrices? t) => t is null ? "—" : string.Join(" ", new[]
    {
        t.InputText is { } a ? $"in-text ${a:0.##}" : null,
        t.InputImage is { } b ? $"in-image ${b:0.##}" : null,
        t.OutputImage is { } c ? $"out-image ${c:0.##}" : null,
        t.OutputText is { } d ? $"out-text ${d:0.##}" : null,
    }.Where(s => s is not null));
}
