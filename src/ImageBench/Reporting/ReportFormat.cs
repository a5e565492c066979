using System.Globalization;

namespace ImageBench.Reporting;

/// <summary>
/// How reports print numbers, in one place so every writer agrees (rules in docs/metrics.md). Invariant culture
/// always: a report must read the same on every machine.
/// </summary>
public static class ReportFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Durations: whole ms below 1 s ("850 ms"), 2 decimals below 10 s ("6.42 s"), 1 decimal from 10 s ("58.6 s").</summary>
    public static string Duration(double ms)
    {
        if (double.IsNaN(ms)) return "n/a";
        double abs = Math.Abs(ms);
        if (abs < 999.5) return ms.ToString("0", Inv) + " ms";
        double s = ms / 1000;
        return abs < 9_995 ? s.ToString("0.00", Inv) + " s" : s.ToString("0.0", Inv) + " s";
    }

    public static string Duration(double? ms) => ms is null ? "–" : Duration(ms.Value);

    /// <summary>Money in US dollars with 2 to 4 decimals ("$0.03", "$0.30", "$0.0325", "$30.00"); tiny non-zero amounts keep 2 significant digits.</summary>
    public static string Usd(decimal? usd)
    {
        if (usd is null) return "–";
        var v = usd.Value;
        var text = v.ToString("0.00##", Inv);
        if (v != 0 && text is "0.00" or "-0.00") text = ((double)v).ToString("0.##E+0", Inv);
        return v < 0 ? "-$" + text.TrimStart('-') : "$" + text;
    }

    /// <summary>File sizes in SI units: "512 B", "87.5 KB", "1.6 MB" (1 KB = 1000 B).</summary>
    public static string Bytes(double bytes)
    {
        if (bytes < 1000) return bytes.ToString("0", Inv) + " B";
        if (bytes < 999_950) return (bytes / 1000).ToString("0.0", Inv) + " KB";
        return (bytes / 1_000_000).ToString("0.0", Inv) + " MB";
    }

    public static string Percent(double? fraction) => fraction is null ? "–" : (fraction.Value * 100).ToString("0.0", Inv) + "%";

    public static string Ratio(double ratio) => ratio.ToString("0.0", Inv) + "×";

    public static string Count(int n) => n.ToString(Inv);

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Inv);

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", Inv);

    public static string Number(double value) => value.ToString("0.###", Inv);
}
