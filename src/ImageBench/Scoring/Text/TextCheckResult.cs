using System.Globalization;
using System.Text;

namespace ImageBench.Scoring.Text;

public enum TextCheckFailure
{
    /// <summary>The bytes are not a decodable image (exit 2 in the CLI).</summary>
    BadImage,
    /// <summary>No OCR engine can run on this machine; the message says what to install.</summary>
    OcrUnavailable,
}

/// <summary>The outcome of <see cref="TextCheck.Run(byte[], IReadOnlyList{string})"/>: an analysis, or why there is none.</summary>
public sealed record TextCheckResult(TextAnalysis? Analysis, TextCheckFailure? Failure, string? Error)
{
    /// <summary>Every expected string was read exactly.</summary>
    public bool AllExact => Analysis?.AllExact ?? false;

    /// <summary>Plain lines for a terminal: one verdict per string with its typos, then extra text.</summary>
    public string Summary()
    {
        if (Analysis is not { } a)
        {
            return $"text: could not check ({Error})";
        }
        var ic = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        foreach (var s in a.Strings)
        {
            var verdict = s.Exact ? "exact" : s.Best is null ? "NOT FOUND" : "MISMATCH";
            sb.Append(ic, $"\"{s.Expected}\": {verdict}");
            if (s.Best is not null && !s.Exact)
            {
                sb.Append(ic, $" — read \"{s.Best}\" (CER {s.Cer:0.000})");
            }
            sb.Append(ic, $", confidence {s.Confidence:0}");
            if (s.Uncertain) sb.Append(" [uncertain]");
            sb.AppendLine();
            foreach (var t in s.Typos) sb.AppendLine(ic, $"    typo: {t}");
            if (s.Missing.Count > 0) sb.AppendLine(ic, $"    missing: {string.Join(' ', s.Missing)}");
            if (s.Inserted.Count > 0) sb.AppendLine(ic, $"    inserted: {string.Join(' ', s.Inserted)}");
            if (s.CaseDiffers) sb.AppendLine("    note: letter case differs");
            if (s.PunctuationDiffers) sb.AppendLine("    note: quote/dash style differs");
            if (s.SpacingDiffers) sb.AppendLine("    note: word spacing differs");
            if (s.EnginesDisagree) sb.AppendLine(ic, $"    note: the OCR engines disagree: {string.Join("; ", s.Engines.Select(e => $"{e.Engine} read \"{e.Best}\""))}");
        }
        if (a.Extra.Count > 0)
        {
            sb.AppendLine(ic, $"other text: {string.Join(", ", a.Extra.Take(12).Select(e => e.Text))}");
        }
        foreach (var u in a.Unavailable ?? []) sb.AppendLine(ic, $"note: one OCR engine did not run, the others did: {u}");
        sb.Append(ic, $"mean string score {a.MeanStringScore:0.000}, word recall {a.WordRecall:0.000}, OneIG {a.OneIg:0.000}");
        return sb.ToString();
    }
}
