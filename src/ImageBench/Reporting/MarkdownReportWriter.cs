using System.Text;
using ImageBench.Attempts;

namespace ImageBench.Reporting;

/// <summary>The report as GitHub-flavoured Markdown, tables laid out like the article's.</summary>
public static class MarkdownReportWriter
{
    public static string Write(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Text(report.Title)).AppendLine();
        md.AppendLine($"- Run: `{Code(report.RunId)}`, {ReportFormat.Date(report.CreatedAt)}, ImageBench {Text(report.ToolVersion)}");
        md.AppendLine($"- Suite: {Text(report.SuiteName)} (sha256 `{Code(report.SuiteSha256)}`), repeat {report.Repeat}");
        md.AppendLine($"- {Text(report.TimingNote)}");
        md.AppendLine($"- {Text(report.FailureSentence)}");
        if (report.StatusSentence is { } status) md.AppendLine($"- **{Text(status)}**");
        md.AppendLine();

        foreach (var table in report.Tables)
        {
            md.Append("## ").AppendLine(Text(table.Title)).AppendLine();
            WriteTable(md, table);
            if (table == report.LatencyTable && report.SpeedSentence is not null) md.AppendLine().AppendLine(Text(report.SpeedSentence));
            if (table.Note is not null) md.AppendLine().Append('_').Append(Text(table.Note)).AppendLine("_");
            md.AppendLine();
        }

        md.AppendLine("## Prompts").AppendLine();
        foreach (var prompt in report.Prompts) WritePrompt(md, prompt);
        return md.ToString();
    }

    private static void WriteTable(StringBuilder md, ReportTable table)
    {
        md.Append("| ").AppendJoin(" | ", table.Headers.Select(Cell)).AppendLine(" |");
        md.Append('|').AppendJoin("", table.Headers.Select(_ => "---|")).AppendLine();
        foreach (var row in table.Rows) md.Append("| ").AppendJoin(" | ", row.Select(Cell)).AppendLine(" |");
    }

    private static void WritePrompt(StringBuilder md, PromptSection prompt)
    {
        md.Append("### ").AppendLine(Text(prompt.Id)).AppendLine();
        md.AppendLine(prompt.Text is null ? "_Prompt text not available (suite not loaded)._" : $"> {Text(prompt.Text)}").AppendLine();
        if (prompt.Expectations.Count > 0)
        {
            md.AppendLine("Expected:").AppendLine();
            foreach (var line in prompt.Expectations) md.Append("- ").AppendLine(Text(line));
            md.AppendLine();
        }
        foreach (var e in prompt.Entries)
        {
            var heading = $"**{Text(e.ModelName)}**{(e.Repeat > 0 ? $" (repeat {e.Repeat + 1})" : "")}: {OutcomeAndTime(e)}";
            if (e.Retries > 0) heading += $", {e.Retries} retr{(e.Retries == 1 ? "y" : "ies")}";
            md.AppendLine(heading).AppendLine();
            if (e.ImagePath is not null) md.AppendLine($"![{Text(e.ModelName)}: {Text(prompt.Id)}]({Url(e.ImagePath)})").AppendLine();
            if (e.ImageFacts is not null) md.AppendLine($"- Image: {Text(e.ImageFacts)}");
            if (e.ImagesNote is not null) md.AppendLine($"- Images: {Text(e.ImagesNote)}");
            for (var i = 0; i < e.ExtraImagePaths.Count; i++)
                md.AppendLine($"- Extra image: ![{Text(e.ModelName)}: {Text(prompt.Id)}, extra {i + 1}]({Url(e.ExtraImagePaths[i])})");
            if (e.Seed is not null) md.AppendLine($"- Seed: {Text(e.Seed)}");
            if (e.RevisedPrompt is not null) md.AppendLine($"- Revised prompt: {Text(e.RevisedPrompt)}");
            if (e.Reason is not null) md.AppendLine($"- Reason: {Text(e.Reason)}");
            foreach (var check in e.Checks) md.AppendLine($"- {Text(check)}");
            if (e.ImageFacts is not null || e.ImagesNote is not null || e.Seed is not null || e.RevisedPrompt is not null || e.Reason is not null
                || e.Checks.Count > 0) md.AppendLine();
        }
        if (prompt.Read.Count > 0)
        {
            md.AppendLine("**Read:**").AppendLine();
            foreach (var line in prompt.Read) md.Append("- ").AppendLine(Text(line));
            md.AppendLine();
        }
    }

    /// <summary>"ok in 40.0 s", "refused after 3.00 s": a failure's time is how long it took to fail, not a latency.</summary>
    internal static string OutcomeAndTime(PromptEntry e) => e.OutcomeAndTime;

    // Markdown renders inline HTML, so provider or prompt text must not be able to inject tags.
    private static string Text(string s) =>
        s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
         .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal)
         .Replace("\n", " ", StringComparison.Ordinal);

    private static string Cell(string s) => Text(s).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Code(string s) => s.Replace("`", "'", StringComparison.Ordinal);

    internal static string Url(string relativePath) =>
        string.Join('/', relativePath.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
}
