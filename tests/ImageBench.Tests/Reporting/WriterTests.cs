using ImageBench.Reporting;
using Spectre.Console;

namespace ImageBench.Tests.Reporting;

public class WriterTests
{
    private static RunReport Report() =>
        RunReportBuilder.Build(SyntheticRun.Manifest(), SyntheticRun.Attempts(), SyntheticRun.Suite, SyntheticRun.Catalog);

    [Fact]
    public void Html_escapes_prompt_and_provider_text()
    {
        var html = HtmlReportWriter.Write(Report());
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<moderation_blocked>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_is_self_contained_with_sized_images_and_alt_text()
    {
        var html = HtmlReportWriter.Write(Report());
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        // Width and height are the image's own, so the page lays it out at its true aspect ratio before it loads.
        Assert.Contains("<img src=\"images/gpt-poster.png\" width=\"1024\" height=\"1024\" alt=\"GPT Image 2 image for prompt poster: not scored\"", html, StringComparison.Ordinal);
        Assert.Equal(10, html.Split("<img ").Length - 1); // one per successful attempt
    }

    [Fact]
    public void Markdown_escapes_html_and_table_pipes()
    {
        var md = MarkdownReportWriter.Write(Report());
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.Contains("| Mean latency | 60.0 s | 6.40 s |", md, StringComparison.Ordinal);
        Assert.Contains("10 of 12 attempts produced an image", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Console_writer_works_without_a_terminal()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        ConsoleReportWriter.Write(Report(), console);
        var text = output.ToString();
        Assert.Contains("10 of 12 attempts produced an image", text, StringComparison.Ordinal);
        Assert.Contains("60.0 s", text, StringComparison.Ordinal);
        Assert.Contains("roughly 9.4× faster", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_has_one_row_per_attempt_and_quotes_text()
    {
        var csv = CsvReportWriter.Write(Report());
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 12, lines.Length);
        Assert.Equal(string.Join(',', CsvReportWriter.Columns), lines[0]);
        Assert.Contains(lines, l => l.StartsWith("run-2026-05-01-a,gpt-image-2,blacksmith,0,refused,", StringComparison.Ordinal));
        Assert.Contains(",78000,", lines.Single(l => l.Contains(",cottage,", StringComparison.Ordinal) && l.Contains("gpt-image-2", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
