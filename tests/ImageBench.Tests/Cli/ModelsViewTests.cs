using System.Globalization;
using System.Text.RegularExpressions;
using ImageBench.Catalog;
using ImageBench.Cli.Commands;
using Spectre.Console;

namespace ImageBench.Tests.Cli;

/// <summary><c>imagebench models</c>: readable in an 80-column terminal (sources as footnotes), everything inline with --wide.</summary>
public sealed partial class ModelsViewTests
{
    private static readonly ModelCatalog Catalog = ModelCatalog.Load();

    private static string[] Render(bool wide, int width, Func<string, string?>? environment = null)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        CatalogView.Write(Catalog, console, wide, environment ?? (_ => null));
        return output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }

    private static string Tier(ModelEntry m, string tier) =>
        m.Price.PerImageUsd.TryGetValue(tier, out var p) ? "$" + p.ToString("0.###", CultureInfo.InvariantCulture) : "—";

    private static string Squash(IEnumerable<string> lines) => Spaces().Replace(string.Join(' ', lines), " ");

    [Fact]
    public void Default_view_fits_80_columns_with_one_line_per_model_and_sources_as_footnotes()
    {
        var lines = Render(wide: false, width: 80);

        Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length} characters: '{l}'"));
        var footnotes = lines.SkipWhile(l => !l.StartsWith("Prices: USD", StringComparison.Ordinal)).ToList();
        foreach (var m in Catalog.Models)
        {
            // The row: the id as the first word, its tier prices and a footnote number, all on that one line.
            var row = Assert.Single(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] && first == m.Id);
            var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal([m.Id, m.Provider, Tier(m, "1K"), Tier(m, "2K"), Tier(m, "4K")], cells[..5]);
            var note = Assert.Single(cells[5..]);
            Assert.Matches(@"^\[\d+\]$", note);
            Assert.DoesNotContain(m.Price.Source, row, StringComparison.Ordinal);
            // Its footnote carries the source and the date it was read, wrapped but whole.
            var start = footnotes.FindIndex(l => l.StartsWith(note + " ", StringComparison.Ordinal));
            Assert.True(start >= 0, $"no footnote {note} for {m.Id}");
            var text = Squash(footnotes.Skip(start).TakeWhile((l, i) => i == 0 || l.StartsWith("     ", StringComparison.Ordinal)));
            Assert.Contains(Squash([m.Price.Source]), text, StringComparison.Ordinal);
            Assert.Contains($"read {m.Price.ReadOn:yyyy-MM-dd}", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Default_view_says_which_keys_are_set_without_showing_them()
    {
        const string secret = "sk-should-never-print";
        var lines = Render(wide: false, width: 80, v => v == "OPENAI_API_KEY" ? secret : null);

        Assert.Contains(lines, l => l.StartsWith("api.openai.com ", StringComparison.Ordinal) && l.Contains("OPENAI_API_KEY", StringComparison.Ordinal) && l.TrimEnd().EndsWith(" set", StringComparison.Ordinal) && !l.Contains("not set", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("api.bfl.ai ", StringComparison.Ordinal) && l.Contains("not set", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public void Wide_view_keeps_upstream_base_url_and_source_inline()
    {
        // Wide enough that no cell wraps: each model is one row holding everything.
        var lines = Render(wide: true, width: 2000);

        foreach (var m in Catalog.Models)
        {
            var row = Assert.Single(lines, l => l.StartsWith($"│ {m.Id} ", StringComparison.Ordinal));
            Assert.Contains(m.Upstream, row, StringComparison.Ordinal);
            Assert.Contains(m.BaseUrl.AbsoluteUri, row, StringComparison.Ordinal);
            Assert.Contains(m.Price.Source, row, StringComparison.Ordinal);
            Assert.Contains(m.Price.ReadOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
