using System.Globalization;
using ImageBench.Catalog;
using Spectre.Console;

namespace ImageBench.Cli.Commands;

/// <summary>
/// What <c>imagebench models</c> prints. The default view fits an 80-column terminal with one line per model: prices
/// by tier and a footnote number, then the endpoints and whether each key is set, then the footnotes (where each price
/// was read and when, token prices). The wide view is one table with everything inline, for wide terminals and greps.
/// </summary>
internal static class CatalogView
{
    public static void Write(ModelCatalog catalog, IAnsiConsole console, bool wide, Func<string, string?> environment)
    {
        var models = catalog.Models.OrderBy(m => m.Provider, StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        if (wide) WriteWide(models, console, environment);
        else WriteNarrow(models, console, environment);
    }

    private static void WriteWide(IReadOnlyList<ModelEntry> models, IAnsiConsole console, Func<string, string?> environment)
    {
        var table = new Table().AddColumns("model", "provider", "upstream", "base URL", "key", "1K", "2K", "4K", "per 1M tokens", "price source", "read");
        foreach (var m in models)
        {
            table.AddRow(
                Markup.Escape(m.Id), Markup.Escape(m.Provider), Markup.Escape(m.Upstream), Markup.Escape(m.BaseUrl.AbsoluteUri),
                m.KeyEnv is null ? "none" : Markup.Escape($"{m.KeyEnv} ({KeyState(m.KeyEnv, environment)})"),
                Tier(m, "1K"), Tier(m, "2K"), Tier(m, "4K"), Markup.Escape(Tokens(m.Price.PerMillionTokensUsd) ?? "—"),
                Markup.Escape(m.Price.Source), Date(m.Price.ReadOn));
        }
        console.Write(table);
    }

    private static void WriteNarrow(IReadOnlyList<ModelEntry> models, IAnsiConsole console, Func<string, string?> environment)
    {
        // Models whose price notes read the same share one footnote.
        var notes = new List<string>();
        int NoteFor(ModelEntry m)
        {
            var note = PriceNote(m);
            var index = notes.IndexOf(note);
            if (index < 0) { notes.Add(note); index = notes.Count - 1; }
            return index + 1;
        }

        var table = Compact(Column("model"), Column("provider"), Column("1K", right: true), Column("2K", right: true), Column("4K", right: true), Column("note"));
        foreach (var m in models)
            table.AddRow(Markup.Escape(m.Id), Markup.Escape(m.Provider), Tier(m, "1K"), Tier(m, "2K"), Tier(m, "4K"), $"[[{NoteFor(m)}]]");
        console.Write(table);
        console.WriteLine();

        var endpoints = Compact(Column("endpoint"), Column("key"), Column("key set"));
        foreach (var e in models.Select(m => (Host: Endpoint(m.BaseUrl), m.KeyEnv)).Distinct().OrderBy(e => e.Host, StringComparer.Ordinal))
            endpoints.AddRow(Markup.Escape(e.Host), Markup.Escape(e.KeyEnv ?? "none"), e.KeyEnv is null ? "—" : KeyState(e.KeyEnv, environment));
        console.Write(endpoints);
        console.WriteLine();

        console.WriteLine("Prices: USD per image by size tier (1K ≤ 1024², 2K ≤ 2048², 4K above). Notes:");
        var footnotes = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(1)).AddColumn();
        for (var i = 0; i < notes.Count; i++)
            footnotes.AddRow(new Text($"[{i + 1}]"), new Text(notes[i]));
        console.Write(footnotes);
        console.WriteLine("`imagebench models --wide` shows upstream names, base URLs and sources in one table.");
    }

    /// <summary>No frame and two spaces between columns: a framed six-column table spends 19 characters on lines.</summary>
    private static Table Compact(params TableColumn[] columns)
    {
        var table = new Table().Border(TableBorder.None).ShowHeaders();
        foreach (var column in columns) table.AddColumn(column);
        return table;
    }

    private static TableColumn Column(string header, bool right = false)
    {
        var column = new TableColumn(new Text(header, new Style(decoration: Decoration.Underline))).PadLeft(0).PadRight(2).NoWrap();
        return right ? column.RightAligned() : column;
    }

    private static string PriceNote(ModelEntry m) =>
        (Tokens(m.Price.PerMillionTokensUsd) is { } tokens ? $"per 1M tokens: {tokens}; " : "") + $"{m.Price.Source} (read {Date(m.Price.ReadOn)})";

    private static string Endpoint(Uri baseUrl) => baseUrl.Authority + baseUrl.AbsolutePath.TrimEnd('/');

    private static string KeyState(string variable, Func<string, string?> environment) =>
        environment(variable) is { Length: > 0 } ? "set" : "not set";

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Tier(ModelEntry m, string tier) =>
        m.Price.PerImageUsd.TryGetValue(tier, out var p) ? "$" + p.ToString("0.###", CultureInfo.InvariantCulture) : "—";

    private static string? Tokens(TokenPrices? t) => t is null ? null : string.Join(", ", new[]
    {
        t.InputText is { } a ? $"in-text ${a.ToString("0.##", CultureInfo.InvariantCulture)}" : null,
        t.InputImage is { } b ? $"in-image ${b.ToString("0.##", CultureInfo.InvariantCulture)}" : null,
        t.OutputImage is { } c ? $"out-image ${c.ToString("0.##", CultureInfo.InvariantCulture)}" : null,
        t.OutputText is { } d ? $"out-text ${d.ToString("0.##", CultureInfo.InvariantCulture)}" : null,
    }.Where(s => s is not null));
}
