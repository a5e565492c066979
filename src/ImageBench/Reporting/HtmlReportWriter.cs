using System.Net;
using System.Text;
using ImageBench.Attempts;

namespace ImageBench.Reporting;

/// <summary>
/// The report as one self-contained HTML page: inline CSS, no script, no external resource. Images are linked by
/// their relative paths so the page works when opened from the run directory. Every text is HTML-encoded.
/// </summary>
public static class HtmlReportWriter
{
    public const int ImageWidth = 384;

    private const string Css = """
        :root { color-scheme: light dark; --fg: #1d1f21; --bg: #fbfbfa; --muted: #666; --line: #d8d8d4; --card: #ffffff; --bad: #a4282a; }
        @media (prefers-color-scheme: dark) { :root { --fg: #e4e4e0; --bg: #1b1c1e; --muted: #a0a09a; --line: #3a3b3e; --card: #242528; --bad: #f08a8a; } }
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 1200px; padding: 1.5rem; }
        h1 { font-size: 1.6rem; margin-bottom: .3rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); } h3 { margin-bottom: .3rem; }
        .meta, .note, figcaption { color: var(--muted); } .meta { margin: 0; padding-left: 1.2rem; }
        .checks { margin: .3rem 0 0; padding-left: 1rem; font-size: .9em; }
        table { border-collapse: collapse; margin: .5rem 0; } th, td { border: 1px solid var(--line); padding: .3rem .6rem; text-align: left; vertical-align: top; }
        th { background: var(--card); } td:not(:first-child) { font-variant-numeric: tabular-nums; }
        blockquote { margin: .5rem 0; padding-left: .8rem; border-left: 3px solid var(--line); }
        .row { display: flex; flex-wrap: wrap; gap: 1rem; } figure { margin: 0; padding: .6rem; background: var(--card); border: 1px solid var(--line); border-radius: 6px; max-width: 400px; }
        img { display: block; max-width: 100%; height: auto; } .failed { color: var(--bad); } .missing { width: 384px; height: 96px; display: flex; align-items: center; justify-content: center; border: 1px dashed var(--line); }
        """;

    public static string Write(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var h = new StringBuilder();
        h.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\">").AppendLine("<head>").AppendLine("<meta charset=\"utf-8\">");
        h.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        h.AppendLine($"<title>{E(report.Title)}</title>").AppendLine($"<style>{Css}</style>").AppendLine("</head>").AppendLine("<body>");
        h.AppendLine($"<h1>{E(report.Title)}</h1>").AppendLine("<ul class=\"meta\">");
        h.AppendLine($"<li>Run <code>{E(report.RunId)}</code>, {E(ReportFormat.Date(report.CreatedAt))}, ImageBench {E(report.ToolVersion)}</li>");
        h.AppendLine($"<li>Suite {E(report.SuiteName)} (sha256 <code>{E(report.SuiteSha256)}</code>), repeat {report.Repeat}</li>");
        h.AppendLine($"<li>{E(report.TimingNote)}</li>").AppendLine($"<li>{E(report.FailureSentence)}</li>");
        if (report.StatusSentence is { } status) h.AppendLine($"<li><strong>{E(status)}</strong></li>");
        h.AppendLine("</ul>");

        foreach (var table in report.Tables)
        {
            h.AppendLine($"<h2>{E(table.Title)}</h2>");
            WriteTable(h, table);
            if (table == report.LatencyTable && report.SpeedSentence is not null) h.AppendLine($"<p>{E(report.SpeedSentence)}</p>");
            if (table.Note is not null) h.AppendLine($"<p class=\"note\">{E(table.Note)}</p>");
        }

        h.AppendLine("<h2>Prompts</h2>");
        foreach (var prompt in report.Prompts) WritePrompt(h, prompt);
        h.AppendLine("</body>").AppendLine("</html>");
        return h.ToString();
    }

    private static void WriteTable(StringBuilder h, ReportTable table)
    {
        h.AppendLine("<table>").Append("<thead><tr>");
        foreach (var header in table.Headers) h.Append($"<th scope=\"col\">{E(header)}</th>");
        h.AppendLine("</tr></thead>").AppendLine("<tbody>");
        foreach (var row in table.Rows)
        {
            h.Append($"<tr><th scope=\"row\">{E(row[0])}</th>");
            foreach (var cell in row.Skip(1)) h.Append($"<td>{E(cell)}</td>");
            h.AppendLine("</tr>");
        }
        h.AppendLine("</tbody>").AppendLine("</table>");
    }

    private static void WritePrompt(StringBuilder h, PromptSection prompt)
    {
        h.AppendLine($"<section id=\"prompt-{E(prompt.Id)}\">").AppendLine($"<h3>{E(prompt.Id)}</h3>");
        h.AppendLine(prompt.Text is null ? "<p class=\"note\">Prompt text not available (suite not loaded).</p>" : $"<blockquote>{E(prompt.Text)}</blockquote>");
        if (prompt.Expectations.Count > 0)
        {
            h.AppendLine("<p>Expected:</p>").AppendLine("<ul>");
            foreach (var line in prompt.Expectations) h.AppendLine($"<li>{E(line)}</li>");
            h.AppendLine("</ul>");
        }
        h.AppendLine("<div class=\"row\">");
        foreach (var e in prompt.Entries) WriteEntry(h, prompt, e);
        h.AppendLine("</div>");
        if (prompt.Read.Count > 0)
        {
            h.AppendLine("<p class=\"read\"><strong>Read:</strong></p>").AppendLine("<ul class=\"read\">");
            foreach (var line in prompt.Read) h.AppendLine($"<li>{E(line)}</li>");
            h.AppendLine("</ul>");
        }
        h.AppendLine("</section>");
    }

    private static void WriteEntry(StringBuilder h, PromptSection prompt, PromptEntry e)
    {
        h.AppendLine("<figure>");
        var alt = $"{e.ModelName} image for prompt {prompt.Id}";
        h.AppendLine(e.ImagePath is not null
            ? $"<img src=\"{E(MarkdownReportWriter.Url(e.ImagePath))}\" width=\"{ImageWidth}\" alt=\"{E(alt)}\" loading=\"lazy\">"
            : $"<div class=\"missing failed\">no image ({E(e.Outcome.ToWire())})</div>");
        h.Append("<figcaption>").Append($"<strong>{E(e.ModelName)}</strong>");
        if (e.Repeat > 0) h.Append($" (repeat {e.Repeat + 1})");
        var outcomeClass = e.Outcome == AttemptOutcome.Ok ? "" : " class=\"failed\"";
        h.Append($"<br><span{outcomeClass}>{E(MarkdownReportWriter.OutcomeAndTime(e))}</span>");
        if (e.Retries > 0) h.Append($", {e.Retries} retr{(e.Retries == 1 ? "y" : "ies")}");
        if (e.ImageFacts is not null) h.Append($"<br>{E(e.ImageFacts)}");
        if (e.ImagesNote is not null) h.Append($"<br><span class=\"extra\">{E(e.ImagesNote)}</span>");
        for (var i = 0; i < e.ExtraImagePaths.Count; i++)
            h.Append($"<br><a href=\"{E(MarkdownReportWriter.Url(e.ExtraImagePaths[i]))}\">extra image {i + 1}</a>");
        if (e.Seed is not null) h.Append($"<br>Seed: <code>{E(e.Seed)}</code>");
        if (e.RevisedPrompt is not null) h.Append($"<br>Revised prompt: {E(e.RevisedPrompt)}");
        if (e.Reason is not null) h.Append($"<br>Reason: {E(e.Reason)}");
        if (e.Checks.Count > 0)
            h.Append("<ul class=\"checks\">").Append(string.Concat(e.Checks.Select(c => $"<li>{E(c)}</li>"))).Append("</ul>");
        h.AppendLine("</figcaption>").AppendLine("</figure>");
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
