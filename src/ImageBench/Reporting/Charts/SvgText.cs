using System.Globalization;
using System.Net;
using System.Text;

namespace ImageBench.Reporting.Charts;

/// <summary>
/// The shared pieces of every chart's SVG: numbers in invariant culture (so the bytes never depend on the machine's
/// locale, which keeps snapshot tests honest), escaped text, and the accessible frame (title, desc, viewBox so the
/// chart scales to the page width). Text uses the page's system sans-serif font, so no font needs embedding.
/// </summary>
internal static class SvgText
{
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Esc(string text) => WebUtility.HtmlEncode(text);

    public static StringBuilder Open(string id, int width, int height, string title, string desc)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" font-family=\"system-ui, sans-serif\" font-size=\"12\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{Esc(title)}</title><desc id=\"{id}-d\">{Esc(desc)}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"18\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"600\">{Esc(title)}</text>");
        return svg;
    }

    public static void Label(StringBuilder svg, double x, double y, string text, string anchor = "start", string extra = "") =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\"{extra}>{Esc(text)}</text>");

    public static void Line(StringBuilder svg, double x1, double y1, double x2, double y2, string stroke, double width = 1) =>
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"/>");

    public static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();
}
